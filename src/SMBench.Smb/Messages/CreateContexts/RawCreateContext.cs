namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>A create context this library does not interpret, kept byte for byte (e.g. "AAPL", "TWrp", "ExtA").</summary>
public sealed record RawCreateContext(string Tag, byte[] Data) : CreateContext
{
    public override string Name => Tag;

    public override int DataLength => Data.Length;

    public override void WriteData(Span<byte> destination) => Data.CopyTo(destination);
}
