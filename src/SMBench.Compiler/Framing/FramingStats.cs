namespace SMBench.Compiler.Framing;

/// <summary>What framing had to skip, summed over directions.</summary>
public sealed class FramingStats
{
    public long Messages { get; set; }
    public long Resyncs { get; set; }
    public long BytesSkipped { get; set; }
    public long NetBiosControlPackets { get; set; }
    public long OversizedMessages { get; set; }
}
