using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"DHnQ" request (§2.2.13.2.3): 16 reserved bytes; asks for a durable v1 handle.</summary>
public sealed record DurableHandleRequest : CreateContext
{
    public const int Length = 16;

    public override string Name => CreateContextNames.DurableHandleRequest;

    public override int DataLength => Length;

    public static DurableHandleRequest Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, Length, "DHnQ create context");
        return new DurableHandleRequest();
    }

    public override void WriteData(Span<byte> destination) => destination[..Length].Clear();
}
