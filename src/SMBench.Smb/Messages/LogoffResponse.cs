using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 LOGOFF response (MS-SMB2 §2.2.8): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct LogoffResponse : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.Logoff;

    public int BodyLength => StructureSize;

    public static LogoffResponse Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "LOGOFF response");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "LOGOFF response");
}
