using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 ECHO request (MS-SMB2 §2.2.28): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct EchoRequest : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.Echo;

    public int BodyLength => StructureSize;

    public static EchoRequest Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "ECHO request");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "ECHO request");
}
