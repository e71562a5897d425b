using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 FLUSH request (MS-SMB2 §2.2.17), StructureSize 24.</summary>
public readonly record struct FlushRequest(FileId FileId) : ISmb2Message
{
    public const ushort StructureSize = 24;

    public Smb2Command Command => Smb2Command.Flush;

    public int BodyLength => StructureSize;

    public static FlushRequest Parse(ReadOnlySpan<byte> message) =>
        new(FileId.Parse(SmbWire.Body(message, StructureSize, "FLUSH request")[8..]));

    public int WriteTo(Span<byte> message)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + StructureSize, "FLUSH request");
        var body = message.Slice(Smb2Header.Size, StructureSize);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        FileId.WriteTo(body[8..]);
        return Smb2Header.Size + StructureSize;
    }
}
