namespace SMBench.Compiler.Tcp;

/// <summary>What reassembly had to repair or give up on, summed over directions.</summary>
public sealed class ReassemblyStats
{
    public long Gaps { get; set; }
    public long GapBytes { get; set; }
    public long RetransmittedSegments { get; set; }
    public long OverlappingSegments { get; set; }
    public long OutOfOrderSegments { get; set; }
    public long OutOfWindowSegments { get; set; }
    public long ForcedGaps { get; set; }

    /// <summary>Most out-of-order bytes one direction held at any moment (bounded by the limits).</summary>
    public long PeakBufferedBytes { get; set; }
}
