using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 FLUSH response (MS-SMB2 §2.2.18): StructureSize 4 and two reserved bytes.</summary>
public readonly record struct FlushResponse : ISmb2Message
{
    public const ushort StructureSize = EmptyBody.StructureSize;

    public Smb2Command Command => Smb2Command.Flush;

    public int BodyLength => StructureSize;

    public static FlushResponse Parse(ReadOnlySpan<byte> message)
    {
        EmptyBody.Check(message, "FLUSH response");
        return default;
    }

    public int WriteTo(Span<byte> message) => EmptyBody.Write(message, "FLUSH response");
}
