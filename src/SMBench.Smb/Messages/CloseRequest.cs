using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 CLOSE request (MS-SMB2 §2.2.15), StructureSize 24.</summary>
public readonly record struct CloseRequest(FileId FileId, CloseFlags Flags = CloseFlags.None) : ISmb2Message
{
    public const ushort StructureSize = 24;

    public Smb2Command Command => Smb2Command.Close;

    public int BodyLength => StructureSize;

    public static CloseRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "CLOSE request");
        return new CloseRequest(FileId.Parse(body[8..]), (CloseFlags)BinaryPrimitives.ReadUInt16LittleEndian(body[2..]));
    }

    public int WriteTo(Span<byte> message)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + StructureSize, "CLOSE request");
        var body = message.Slice(Smb2Header.Size, StructureSize);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], (ushort)Flags);
        FileId.WriteTo(body[8..]);
        return Smb2Header.Size + StructureSize;
    }
}
