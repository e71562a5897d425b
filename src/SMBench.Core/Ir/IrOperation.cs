namespace SMBench.Core.Ir;

/// <summary>
/// One operation of the workload IR (design.md §2). Concrete types mirror the JSON <c>type</c> tag; every op carries
/// the common fields plus optional SMB extensions (Mode 1/2) and what the original server answered.
/// </summary>
public abstract record IrOperation
{
    public required string OpId { get; init; }
    public required string ClientId { get; init; }
    /// <summary>Microseconds from the workload start.</summary>
    public required long TimestampUs { get; init; }
    public SmbOpExtensions? Smb { get; init; }
    public ExpectedResult? Expected { get; init; }
    /// <summary>Where the op was read from (1-based line), for error messages; 0 when built in memory.</summary>
    public long SourceLine { get; init; }

    /// <summary>The JSON <c>type</c> tag.</summary>
    public abstract string Type { get; }

    /// <summary>The handle this op works on, if any (<c>open</c> defines it, the others use it).</summary>
    public virtual string? HandleRef => null;

    /// <summary>Share-relative paths this op names (for confinement checks and pre-state).</summary>
    public virtual IEnumerable<string> Paths => [];

    /// <summary>The path results are filed under (the first of <see cref="Paths"/>); no allocation.</summary>
    public virtual string? PrimaryPath => null;
}

public enum OpenMode
{
    Read,
    Write,
    ReadWrite,
}
