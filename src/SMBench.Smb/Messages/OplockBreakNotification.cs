using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 OPLOCK_BREAK notification the server sends (§2.2.23.1): the level the oplock is broken to. 24 bytes, by FileId.</summary>
public readonly record struct OplockBreakNotification(FileId FileId, OplockLevel OplockLevel) : ISmb2Message
{
    public const ushort StructureSize = OplockBreakBody.StructureSize;

    public Smb2Command Command => Smb2Command.OplockBreak;

    public int BodyLength => StructureSize;

    public static OplockBreakNotification Parse(ReadOnlySpan<byte> message)
    {
        var (level, fileId) = OplockBreakBody.Parse(message, "OPLOCK_BREAK Notification");
        return new OplockBreakNotification(fileId, level);
    }

    public int WriteTo(Span<byte> message) => OplockBreakBody.Write(message, OplockLevel, FileId, "OPLOCK_BREAK Notification");
}
