using System.Text.Json;
using HdrHistogram;
using System.Text.Json.Serialization;

namespace SMBench.Core.Results;

/// <summary><c>results/summary.json</c> and <c>replay --json</c>: the fields scripts rely on (design.md §3).</summary>
public sealed record RunSummary
{
    public string? RunId { get; init; }
    public string State { get; init; } = "completed";
    /// <summary>Why the run stopped or failed, when it did.</summary>
    public string? Error { get; init; }
    public string? Workload { get; init; }
    public string? Backend { get; init; }
    public string? Mode { get; init; }
    public string? Target { get; init; }
    public double TimeScale { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public long OpsTotal { get; init; }
    public long OpsOk { get; init; }
    public long OpsFailed { get; init; }
    /// <summary>Ops of the workload that were never issued (the run was stopped first).</summary>
    public long OpsNotRun { get; init; }
    public int Clients { get; init; }
    public double DurationS { get; init; }
    public double OpsPerS { get; init; }
    public Percentiles LatencyMs { get; init; } = new();
    public Percentiles LatenessMs { get; init; } = new();
    public long StatusChecked { get; init; }
    public long StatusMatched { get; init; }
    public double? StatusMatchRate { get; init; }
    public BreakCounts Breaks { get; init; } = new();
    public long Reconnects { get; init; }
    public SortedDictionary<string, TypeCounts> ByType { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> ByStatus { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Fidelity mismatches "expected → got" with counts.</summary>
    public SortedDictionary<string, long> Mismatches { get; init; } = new(StringComparer.Ordinal);

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The same naming on one line (journals).</summary>
    public static readonly JsonSerializerOptions JsonOptionsCompact = new(JsonOptions) { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static RunSummary FromJson(string json) => JsonSerializer.Deserialize<RunSummary>(json, JsonOptions)!;
}

public sealed record Percentiles
{
    public double P50 { get; init; }
    public double P90 { get; init; }
    public double P99 { get; init; }
    public double P999 { get; init; }
    public double Max { get; init; }
    public double Mean { get; init; }

    /// <summary>The percentiles, in ms, of a histogram of µs values (empty when it holds none).</summary>
    public static Percentiles FromMicroseconds(HistogramBase h) => h.TotalCount == 0 ? new Percentiles() : new Percentiles
    {
        P50 = Ms(h.GetValueAtPercentile(50)),
        P90 = Ms(h.GetValueAtPercentile(90)),
        P99 = Ms(h.GetValueAtPercentile(99)),
        P999 = Ms(h.GetValueAtPercentile(99.9)),
        Max = Ms(h.GetMaxValue()),
        Mean = Math.Round(h.GetMean() / 1000.0, 4),
    };

    private static double Ms(long us) => Math.Round(us / 1000.0, 4);
}

public sealed record BreakCounts
{
    public long Received { get; init; }
    public long Acked { get; init; }
    public long? Expected { get; init; }
    public double MeanAckLatencyMs { get; init; }
}

public sealed record TypeCounts
{
    public long Ok { get; init; }
    public long Failed { get; init; }
    public long Matched { get; init; }
    public long Checked { get; init; }
}
