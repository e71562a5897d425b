using System.Buffers.Binary;

namespace SMBench.Smb.Tests.Messages.Corpus;

/// <summary>
/// Just enough of a capture reader for codec tests: classic little-endian pcap, Ethernet (+VLAN), IPv4/IPv6, TCP;
/// per-direction reassembly by sequence number (duplicates dropped, stops at a gap); NetBIOS session framing.
/// Yields each SMB2 message (0xFE 'SMB') in capture order of its stream. Not the product's reader.
/// </summary>
internal static class PcapSmb2Messages
{
    public sealed record Pdu(string Flow, byte[] Bytes);

    public static List<Pdu> Read(string path)
    {
        var data = File.ReadAllBytes(path);
        if (data.Length < 24 || BinaryPrimitives.ReadUInt32LittleEndian(data) != 0xA1B2C3D4)
            throw new InvalidDataException($"{path}: not a little-endian microsecond pcap");
        var linkType = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(20));
        if (linkType != 1) throw new InvalidDataException($"{path}: link type {linkType} is not Ethernet");

        var flows = new Dictionary<string, List<(uint Seq, byte[] Payload)>>();
        var order = new List<string>();
        var offset = 24;
        while (offset + 16 <= data.Length)
        {
            var captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 8));
            var frame = data.AsSpan(offset + 16, Math.Min(captured, data.Length - offset - 16));
            offset += 16 + captured;
            if (TryTcp(frame, out var flow, out var seq, out var payload) && payload.Length > 0)
            {
                if (!flows.TryGetValue(flow, out var list)) { flows[flow] = list = []; order.Add(flow); }
                list.Add((seq, payload.ToArray()));
            }
        }

        var result = new List<Pdu>();
        foreach (var flow in order) Frame(flow, Reassemble(flows[flow]), result);
        return result;
    }

    private static bool TryTcp(ReadOnlySpan<byte> frame, out string flow, out uint seq, out ReadOnlySpan<byte> payload)
    {
        flow = ""; seq = 0; payload = default;
        if (frame.Length < 14) return false;
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        var ip = frame[14..];
        if (etherType == 0x8100 && frame.Length >= 18) { etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[16..]); ip = frame[18..]; }
        ReadOnlySpan<byte> tcp;
        string src, dst;
        if (etherType == 0x0800 && ip.Length >= 20 && ip[9] == 6)
        {
            var ihl = (ip[0] & 0xF) * 4;
            var total = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(ip[2..]), ip.Length);
            tcp = ip[ihl..total];
            src = new System.Net.IPAddress(ip.Slice(12, 4)).ToString();
            dst = new System.Net.IPAddress(ip.Slice(16, 4)).ToString();
        }
        else if (etherType == 0x86DD && ip.Length >= 40 && ip[6] == 6)
        {
            var len = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(ip[4..]), ip.Length - 40);
            tcp = ip.Slice(40, len);
            src = new System.Net.IPAddress(ip.Slice(8, 16)).ToString();
            dst = new System.Net.IPAddress(ip.Slice(24, 16)).ToString();
        }
        else return false;
        if (tcp.Length < 20) return false;
        var dataOffset = (tcp[12] >> 4) * 4;
        if (dataOffset > tcp.Length) return false;
        flow = $"{src}:{BinaryPrimitives.ReadUInt16BigEndian(tcp)}>{dst}:{BinaryPrimitives.ReadUInt16BigEndian(tcp[2..])}";
        seq = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]);
        payload = tcp[dataOffset..];
        return true;
    }

    private static byte[] Reassemble(List<(uint Seq, byte[] Payload)> segments)
    {
        var start = segments[0].Seq;
        var ordered = segments.OrderBy(s => (uint)(s.Seq - start)).ToList();
        var stream = new MemoryStream();
        long next = 0;
        foreach (var (seq, payload) in ordered)
        {
            long rel = (uint)(seq - start);
            if (rel > next) break; // gap: stop rather than guess
            var skip = (int)(next - rel);
            if (skip >= payload.Length) continue; // retransmission
            stream.Write(payload, skip, payload.Length - skip);
            next = rel + payload.Length;
        }
        return stream.ToArray();
    }

    private static void Frame(string flow, byte[] stream, List<Pdu> result)
    {
        var offset = 0;
        while (offset + 4 <= stream.Length)
        {
            var length = (stream[offset + 1] << 16) | (stream[offset + 2] << 8) | stream[offset + 3];
            if (offset + 4 + length > stream.Length) break;
            var pdu = stream.AsSpan(offset + 4, length);
            if (stream[offset] == 0 && pdu.Length >= 4 && pdu[0] == 0xFE && pdu[1] == (byte)'S')
                result.Add(new Pdu(flow, pdu.ToArray()));
            offset += 4 + length;
        }
    }
}
