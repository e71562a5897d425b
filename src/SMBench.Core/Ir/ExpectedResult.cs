namespace SMBench.Core.Ir;

/// <summary>What the original server answered for an op (from the capture); powers the fidelity verdict.</summary>
public sealed record ExpectedResult
{
    /// <summary>Normalised NTSTATUS text ("STATUS_SUCCESS" or "0xC00000XX").</summary>
    public string? Status { get; init; }
    public string? OplockLevel { get; init; }
    public string? LeaseState { get; init; }
    public string? CreateAction { get; init; }
    public long? Bytes { get; init; }
}
