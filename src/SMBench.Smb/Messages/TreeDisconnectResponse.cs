using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 TREE_DISCONNECT response (MS-SMB2 §2.2.12): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct TreeDisconnectResponse : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.TreeDisconnect;

    public int BodyLength => StructureSize;

    public static TreeDisconnectResponse Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "TREE_DISCONNECT response");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "TREE_DISCONNECT response");
}
