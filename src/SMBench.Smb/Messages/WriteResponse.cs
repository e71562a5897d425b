using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 WRITE response (MS-SMB2 §2.2.22), StructureSize 17.</summary>
public readonly record struct WriteResponse : ISmb2Message
{
    public const ushort StructureSize = 17;
    private const int FixedLength = 16;

    public uint Count { get; init; }

    public uint Remaining { get; init; }

    public ushort WriteChannelInfoOffset { get; init; }

    public ushort WriteChannelInfoLength { get; init; }

    public Smb2Command Command => Smb2Command.Write;

    public int BodyLength => FixedLength + 1;

    public static WriteResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "WRITE response");
        return new WriteResponse
        {
            Count = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            Remaining = BinaryPrimitives.ReadUInt32LittleEndian(body[8..]),
            WriteChannelInfoOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]),
            WriteChannelInfoLength = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + BodyLength, "WRITE response");
        var body = message.Slice(Smb2Header.Size, BodyLength);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], Count);
        BinaryPrimitives.WriteUInt32LittleEndian(body[8..], Remaining);
        BinaryPrimitives.WriteUInt16LittleEndian(body[12..], WriteChannelInfoOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(body[14..], WriteChannelInfoLength);
        return Smb2Header.Size + BodyLength;
    }
}
