using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 OPLOCK_BREAK acknowledgment the client sends (§2.2.24.1): the level it accepts, ≤ the offered one. 24 bytes, by FileId.</summary>
public readonly record struct OplockBreakAcknowledgment(FileId FileId, OplockLevel OplockLevel) : ISmb2Message
{
    public const ushort StructureSize = OplockBreakBody.StructureSize;

    public Smb2Command Command => Smb2Command.OplockBreak;

    public int BodyLength => StructureSize;

    public static OplockBreakAcknowledgment Parse(ReadOnlySpan<byte> message)
    {
        var (level, fileId) = OplockBreakBody.Parse(message, "OPLOCK_BREAK Acknowledgment");
        return new OplockBreakAcknowledgment(fileId, level);
    }

    public int WriteTo(Span<byte> message) => OplockBreakBody.Write(message, OplockLevel, FileId, "OPLOCK_BREAK Acknowledgment");
}
