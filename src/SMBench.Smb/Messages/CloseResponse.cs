using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 CLOSE response (MS-SMB2 §2.2.16), StructureSize 60. Attributes are zero unless POSTQUERY_ATTRIB.</summary>
public readonly record struct CloseResponse : ISmb2Message
{
    public const ushort StructureSize = 60;

    public CloseFlags Flags { get; init; }

    public ulong CreationTime { get; init; }

    public ulong LastAccessTime { get; init; }

    public ulong LastWriteTime { get; init; }

    public ulong ChangeTime { get; init; }

    public ulong AllocationSize { get; init; }

    public ulong EndOfFile { get; init; }

    public SmbFileAttributes FileAttributes { get; init; }

    public Smb2Command Command => Smb2Command.Close;

    public int BodyLength => StructureSize;

    public static CloseResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "CLOSE response");
        return new CloseResponse
        {
            Flags = (CloseFlags)BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            CreationTime = BinaryPrimitives.ReadUInt64LittleEndian(body[8..]),
            LastAccessTime = BinaryPrimitives.ReadUInt64LittleEndian(body[16..]),
            LastWriteTime = BinaryPrimitives.ReadUInt64LittleEndian(body[24..]),
            ChangeTime = BinaryPrimitives.ReadUInt64LittleEndian(body[32..]),
            AllocationSize = BinaryPrimitives.ReadUInt64LittleEndian(body[40..]),
            EndOfFile = BinaryPrimitives.ReadUInt64LittleEndian(body[48..]),
            FileAttributes = (SmbFileAttributes)BinaryPrimitives.ReadUInt32LittleEndian(body[56..]),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + StructureSize, "CLOSE response");
        var body = message.Slice(Smb2Header.Size, StructureSize);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], (ushort)Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(body[8..], CreationTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body[16..], LastAccessTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body[24..], LastWriteTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body[32..], ChangeTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body[40..], AllocationSize);
        BinaryPrimitives.WriteUInt64LittleEndian(body[48..], EndOfFile);
        BinaryPrimitives.WriteUInt32LittleEndian(body[56..], (uint)FileAttributes);
        return Smb2Header.Size + StructureSize;
    }
}
