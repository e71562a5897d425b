using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 ECHO response (MS-SMB2 §2.2.29): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct EchoResponse : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.Echo;

    public int BodyLength => StructureSize;

    public static EchoResponse Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "ECHO response");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "ECHO response");
}
