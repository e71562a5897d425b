using System.Buffers.Binary;
using System.Net;

namespace SMBench.Compiler.Tests.Capture;

/// <summary>
/// Writes a classic pcap (Ethernet link type) of hand-made TCP segments, optionally in an 802.1Q VLAN and over
/// IPv6, so link/IP handling and reassembly can be tested without root or a live capture. Checksums are left 0
/// (the compiler, like most capture tools on offloaded NICs, does not rely on them).
/// </summary>
internal sealed class SyntheticPcapWriter : IDisposable
{
    private readonly FileStream _file;
    private long _timeUs = 1_700_000_000_000_000;

    public SyntheticPcapWriter(string path)
    {
        _file = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 262144);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1); // LINKTYPE_ETHERNET
        _file.Write(header);
    }

    public ushort? Vlan { get; init; }

    public void Segment(IPAddress src, ushort srcPort, IPAddress dst, ushort dstPort, uint seq, uint ack, byte flags, ReadOnlySpan<byte> payload)
    {
        var v6 = src.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var ipLength = v6 ? 40 : 20;
        var frame = new byte[14 + (Vlan != null ? 4 : 0) + ipLength + 20 + payload.Length];
        var at = 12;
        if (Vlan is { } vlan)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(at), 0x8100);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(at + 2), vlan);
            at += 4;
        }
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(at), v6 ? (ushort)0x86DD : (ushort)0x0800);
        at += 2;
        var ip = frame.AsSpan(at);
        if (v6)
        {
            ip[0] = 0x60;
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)(20 + payload.Length));
            ip[6] = 6;
            ip[7] = 64;
            src.TryWriteBytes(ip[8..], out _);
            dst.TryWriteBytes(ip[24..], out _);
        }
        else
        {
            ip[0] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 20 + payload.Length));
            ip[8] = 64;
            ip[9] = 6;
            src.TryWriteBytes(ip[12..], out _);
            dst.TryWriteBytes(ip[16..], out _);
        }
        var tcp = ip[ipLength..];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, srcPort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], dstPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], seq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], ack);
        tcp[12] = 5 << 4;
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 65535);
        payload.CopyTo(tcp[20..]);

        _timeUs += 100;
        Span<byte> record = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(_timeUs / 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(_timeUs % 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
        _file.Write(record);
        _file.Write(frame);
    }

    public void Dispose() => _file.Dispose();
}
