using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 OPLOCK_BREAK response to an acknowledgment (§2.2.25.1): the level granted. 24 bytes, by FileId.</summary>
public readonly record struct OplockBreakResponse(FileId FileId, OplockLevel OplockLevel) : ISmb2Message
{
    public const ushort StructureSize = OplockBreakBody.StructureSize;

    public Smb2Command Command => Smb2Command.OplockBreak;

    public int BodyLength => StructureSize;

    public static OplockBreakResponse Parse(ReadOnlySpan<byte> message)
    {
        var (level, fileId) = OplockBreakBody.Parse(message, "OPLOCK_BREAK Response");
        return new OplockBreakResponse(fileId, level);
    }

    public int WriteTo(Span<byte> message) => OplockBreakBody.Write(message, OplockLevel, FileId, "OPLOCK_BREAK Response");
}
