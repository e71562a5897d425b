namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"QFid" request (§2.2.13.2.9): no data.</summary>
public sealed record QueryOnDiskIdRequest : CreateContext
{
    public override string Name => CreateContextNames.QueryOnDiskId;

    public override int DataLength => 0;

    public override void WriteData(Span<byte> destination)
    {
    }
}
