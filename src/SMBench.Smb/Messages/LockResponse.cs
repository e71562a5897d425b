using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 LOCK response (MS-SMB2 §2.2.27): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct LockResponse : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.Lock;

    public int BodyLength => StructureSize;

    public static LockResponse Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "LOCK response");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "LOCK response");
}
