namespace SMBench.Daemon.Cluster;

/// <summary>
/// One node's share of a cluster run in a mergeable form: counts, and the latency and lateness HdrHistograms
/// themselves (compressed encoding) so the coordinator merges distributions instead of averaging percentiles.
/// Times are µs from the run's common start instant, so spans combine across nodes.
/// </summary>
public sealed record PartialSummary
{
    public long Total { get; init; }
    public long Ok { get; init; }
    public long Checked { get; init; }
    public long Matched { get; init; }
    public int Clients { get; init; }
    public long FirstIssuedUs { get; init; } = long.MaxValue;
    public long LastCompletedUs { get; init; }
    /// <summary>Lateness of this node's earliest-due op: how far after the common instant its timeline really began.</summary>
    public long? FirstOpLatenessUs { get; init; }
    /// <summary>The start instant (Unix µs) this node's run clock was set to; the same on every node of a run.</summary>
    public long? StartAtUnixUs { get; init; }
    public long OpsNotRun { get; init; }
    public long BreaksReceived { get; init; }
    public long BreaksAcked { get; init; }
    public long Reconnects { get; init; }
    public double MeanAckLatencyMs { get; init; }
    public Dictionary<string, long[]> ByType { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> ByStatus { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Mismatches { get; init; } = new(StringComparer.Ordinal);
    public byte[] Latency { get; init; } = [];
    public byte[] Lateness { get; init; } = [];

    public static PartialSummary Empty { get; } = new();
}
