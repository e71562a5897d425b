using SMBench.Core.Results;

namespace SMBench.Daemon.Runs;

/// <summary>What the daemon knows about one run: the request, where it is in its life, and its numbers.</summary>
public sealed record RunRecord : RunRecordFields
{
    /// <summary>Where the run's HTML report is served (rendered on request from its journal).</summary>
    public string ReportUrl => $"/api/runs/{Id}/report";
}

/// <summary>
/// The fields every run shows in <c>GET /api/runs</c>, whether it ran on one node (<see cref="RunRecord"/>) or across
/// a cluster (<c>ClusterRunRecord</c>), so scripts need not care where it ran.
/// </summary>
public abstract record RunRecordFields
{
    public required string Id { get; init; }
    public required string State { get; init; }
    public string? Workload { get; init; }
    public string? Target { get; init; }
    public string? Backend { get; init; }
    public string? Mode { get; init; }
    public double TimeScale { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Why the run stopped or failed.</summary>
    public string? Error { get; init; }
    /// <summary>Where the journal is (a cluster run: on each node, <c>runs/&lt;id&gt;/ops.jsonl</c> under its data dir).</summary>
    public string? ResultsDir { get; init; }
    public RunProgressInfo Progress { get; init; } = new();
    /// <summary>The final summary once the run ended; while it runs, the summary so far (when asked for one run).</summary>
    public RunSummary? Summary { get; init; }
}

/// <summary>Progress of a run: ops released by the timeline, completed, failed, and the workload total.</summary>
public sealed record RunProgressInfo
{
    public long Released { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    public long Total { get; init; }
    public int Clients { get; init; }
    public double ElapsedS { get; init; }
    /// <summary>Share of the workload done (0–1), null when the total is unknown.</summary>
    public double? Fraction => Total > 0 ? Math.Min(1.0, (double)Completed / Total) : null;
}
