using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 CANCEL request (MS-SMB2 §2.2.30): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct CancelRequest : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.Cancel;

    public int BodyLength => StructureSize;

    public static CancelRequest Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "CANCEL request");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "CANCEL request");
}
