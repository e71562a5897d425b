using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 CHANGE_NOTIFY request (MS-SMB2 §2.2.35), StructureSize 32. Flags 0x1 = WATCH_TREE.</summary>
public readonly record struct ChangeNotifyRequest : ISmb2Message
{
    public const ushort StructureSize = 32;
    public const ushort WatchTree = 0x0001;

    public ushort Flags { get; init; }

    public uint OutputBufferLength { get; init; }

    public FileId FileId { get; init; }

    public CompletionFilter CompletionFilter { get; init; }

    public uint Reserved { get; init; }

    public Smb2Command Command => Smb2Command.ChangeNotify;

    public int BodyLength => StructureSize;

    public static ChangeNotifyRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "CHANGE_NOTIFY request");
        return new ChangeNotifyRequest
        {
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            OutputBufferLength = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            FileId = FileId.Parse(body[8..]),
            CompletionFilter = (CompletionFilter)BinaryPrimitives.ReadUInt32LittleEndian(body[24..]),
            Reserved = BinaryPrimitives.ReadUInt32LittleEndian(body[28..]),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + StructureSize, "CHANGE_NOTIFY request");
        var body = message.Slice(Smb2Header.Size, StructureSize);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], OutputBufferLength);
        FileId.WriteTo(body[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[24..], (uint)CompletionFilter);
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], Reserved);
        return Smb2Header.Size + StructureSize;
    }
}
