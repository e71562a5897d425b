using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 SET_INFO response (MS-SMB2 §2.2.40): StructureSize 2, no other field.</summary>
public readonly record struct SetInfoResponse : ISmb2Message
{
    public const ushort StructureSize = 2;

    public Smb2Command Command => Smb2Command.SetInfo;

    public int BodyLength => StructureSize;

    public static SetInfoResponse Parse(ReadOnlySpan<byte> message)
    {
        SmbWire.Body(message, StructureSize, "SET_INFO response");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "SET_INFO response", StructureSize);
}
