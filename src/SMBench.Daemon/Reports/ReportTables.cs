using HdrHistogram;

namespace SMBench.Daemon.Reports;

/// <summary>Totals for one op type over the whole run, with a full-precision latency histogram.</summary>
public sealed class TypeStats(string name, int index)
{
    public string Name { get; } = name;
    internal int Index { get; } = index;
    public long Ops { get; internal set; }
    public long Failed { get; internal set; }
    public long Checked { get; internal set; }
    public long Matched { get; internal set; }
    public long Bytes { get; internal set; }
    internal LongHistogram Latency { get; } = new(TimeBucket.HighestTrackableUs, 3);

    public double ErrorRate => Ops == 0 ? 0 : (double)Failed / Ops;
    public double LatencyMs(double percentile) => Latency.TotalCount == 0 ? 0 : Latency.GetValueAtPercentile(percentile) / 1000.0;
    public double MaxLatencyMs => Latency.TotalCount == 0 ? 0 : Latency.GetMaxValue() / 1000.0;
}

/// <summary>What one client did. Kept per client id, so its size follows the workload's clients, not its ops.</summary>
public sealed class ClientStats(string clientId)
{
    public string ClientId { get; } = clientId;
    public string? Node { get; internal set; }
    public long Ops { get; internal set; }
    public long Failed { get; internal set; }
    public long Mismatched { get; internal set; }
    public long Bytes { get; internal set; }
    public long LatencySumUs { get; internal set; }
    public long LatencyMaxUs { get; internal set; }
    public long LatenessMaxUs { get; internal set; }
    public double MeanLatencyMs => Ops == 0 ? 0 : LatencySumUs / 1000.0 / Ops;
}

/// <summary>One record worth pointing at: where a failure or mismatch first showed.</summary>
public sealed record Occurrence(string OpId, string ClientId, string Type, string Status, string? Path, string? Error, long CompletedUs);

/// <summary>A fidelity mismatch kind: the capture got <see cref="Expected"/>, the replay got <see cref="Got"/>.</summary>
public sealed class MismatchStats(string type, string expected, string got)
{
    public string Type { get; } = type;
    public string Expected { get; } = expected;
    public string Got { get; } = got;
    public long Count { get; internal set; }
    public List<Occurrence> First { get; } = [];
}

/// <summary>Failed ops with one status text.</summary>
public sealed class ErrorStats(string status)
{
    public string Status { get; } = status;
    public long Count { get; internal set; }
    public SortedDictionary<string, long> ByType { get; } = new(StringComparer.Ordinal);
    public List<Occurrence> First { get; } = [];
}
