using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 READ response (MS-SMB2 §2.2.20), StructureSize 17. A ref struct so <see cref="Data"/> is a view into the
/// received buffer: parsing copies nothing.
/// </summary>
public readonly ref struct ReadResponse : ISmb2Message
{
    public const ushort StructureSize = 17;
    private const int FixedLength = 16;

    /// <summary>Where the data starts when this library writes a response: right after the fixed part.</summary>
    public const byte DefaultDataOffset = Smb2Header.Size + FixedLength;

    public ReadResponse(ReadOnlySpan<byte> data, uint dataRemaining = 0, uint flags = 0)
    {
        Data = data;
        DataRemaining = dataRemaining;
        Flags = flags;
        DataOffset = DefaultDataOffset;
    }

    public byte DataOffset { get; init; }

    public byte Reserved { get; init; }

    public uint DataRemaining { get; init; }

    /// <summary>Flags (3.1.1: 0x1 = RDMA transform) / Reserved2.</summary>
    public uint Flags { get; init; }

    public ReadOnlySpan<byte> Data { get; init; }

    public int DataLength => Data.Length;

    public Smb2Command Command => Smb2Command.Read;

    public int BodyLength => FixedLength + Math.Max(Data.Length, 1);

    public static ReadResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "READ response");
        var dataOffset = body[2];
        var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        return new ReadResponse
        {
            DataOffset = dataOffset,
            Reserved = body[3],
            DataRemaining = BinaryPrimitives.ReadUInt32LittleEndian(body[8..]),
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(body[12..]),
            Data = SmbWire.Slice(message, dataOffset, dataLength, "READ response data"),
        };
    }

    /// <summary>Reads only DataLength, for callers that count bytes without touching the data.</summary>
    public static uint PeekDataLength(ReadOnlySpan<byte> message) =>
        BinaryPrimitives.ReadUInt32LittleEndian(SmbWire.Body(message, StructureSize, "READ response")[4..]);

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "READ response");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body[..FixedLength].Clear();
        SmbWire.StructureSize(body, StructureSize);
        body[2] = DefaultDataOffset;
        body[3] = Reserved;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(body[8..], DataRemaining);
        BinaryPrimitives.WriteUInt32LittleEndian(body[12..], Flags);
        if (Data.IsEmpty) body[FixedLength] = 0;
        else Data.CopyTo(body[FixedLength..]);
        return Smb2Header.Size + bodyLength;
    }
}
