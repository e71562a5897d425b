using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 LOGOFF request (MS-SMB2 §2.2.7): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct LogoffRequest : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.Logoff;

    public int BodyLength => StructureSize;

    public static LogoffRequest Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "LOGOFF request");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "LOGOFF request");
}
