using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 READ request (MS-SMB2 §2.2.19), StructureSize 49. The RDMA channel-info buffer is not used over TCP; its
/// offset and length are kept as numbers.
/// </summary>
public readonly record struct ReadRequest : ISmb2Message
{
    public const ushort StructureSize = 49;
    private const int FixedLength = 48;

    /// <summary>Requested offset of the data in the response (0x50 = right after the response's fixed part).</summary>
    public byte Padding { get; init; }

    public ReadFlags Flags { get; init; }

    public uint Length { get; init; }

    public ulong Offset { get; init; }

    public FileId FileId { get; init; }

    public uint MinimumCount { get; init; }

    public uint Channel { get; init; }

    public uint RemainingBytes { get; init; }

    public ushort ReadChannelInfoOffset { get; init; }

    public ushort ReadChannelInfoLength { get; init; }

    public Smb2Command Command => Smb2Command.Read;

    public int BodyLength => StructureSize;

    public static ReadRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "READ request");
        return new ReadRequest
        {
            Padding = body[2],
            Flags = (ReadFlags)body[3],
            Length = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            Offset = BinaryPrimitives.ReadUInt64LittleEndian(body[8..]),
            FileId = FileId.Parse(body[16..]),
            MinimumCount = BinaryPrimitives.ReadUInt32LittleEndian(body[32..]),
            Channel = BinaryPrimitives.ReadUInt32LittleEndian(body[36..]),
            RemainingBytes = BinaryPrimitives.ReadUInt32LittleEndian(body[40..]),
            ReadChannelInfoOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[44..]),
            ReadChannelInfoLength = BinaryPrimitives.ReadUInt16LittleEndian(body[46..]),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + StructureSize, "READ request");
        var body = message.Slice(Smb2Header.Size, StructureSize);
        body.Clear(); // also the one-byte Buffer a zero-length channel info still needs
        SmbWire.StructureSize(body, StructureSize);
        body[2] = Padding;
        body[3] = (byte)Flags;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], Length);
        BinaryPrimitives.WriteUInt64LittleEndian(body[8..], Offset);
        FileId.WriteTo(body[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[32..], MinimumCount);
        BinaryPrimitives.WriteUInt32LittleEndian(body[36..], Channel);
        BinaryPrimitives.WriteUInt32LittleEndian(body[40..], RemainingBytes);
        BinaryPrimitives.WriteUInt16LittleEndian(body[44..], ReadChannelInfoOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(body[46..], ReadChannelInfoLength);
        return Smb2Header.Size + FixedLength + 1;
    }
}
