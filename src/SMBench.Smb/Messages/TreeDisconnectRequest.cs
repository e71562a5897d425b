using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 TREE_DISCONNECT request (MS-SMB2 §2.2.11): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct TreeDisconnectRequest : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.TreeDisconnect;

    public int BodyLength => StructureSize;

    public static TreeDisconnectRequest Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "TREE_DISCONNECT request");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "TREE_DISCONNECT request");
}
