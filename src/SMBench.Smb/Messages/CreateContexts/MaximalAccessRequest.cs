using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"MxAc" request (§2.2.13.2.5): empty, or an 8-byte Timestamp.</summary>
public sealed record MaximalAccessRequest(ulong? Timestamp = null) : CreateContext
{
    public override string Name => CreateContextNames.QueryMaximalAccess;

    public override int DataLength => Timestamp.HasValue ? 8 : 0;

    public static MaximalAccessRequest Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return new MaximalAccessRequest();
        SmbWire.Need(data, 8, "MxAc create context");
        return new MaximalAccessRequest(BinaryPrimitives.ReadUInt64LittleEndian(data));
    }

    public override void WriteData(Span<byte> destination)
    {
        if (Timestamp is { } t) BinaryPrimitives.WriteUInt64LittleEndian(destination, t);
    }
}
