using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"DHnQ" response (§2.2.14.2.3): 8 reserved bytes; its presence means the handle is durable.</summary>
public sealed record DurableHandleResponse : CreateContext
{
    public const int Length = 8;

    public override string Name => CreateContextNames.DurableHandleRequest;

    public override int DataLength => Length;

    public static DurableHandleResponse Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, Length, "DHnQ create context response");
        return new DurableHandleResponse();
    }

    public override void WriteData(Span<byte> destination) => destination[..Length].Clear();
}
