namespace SMBench.Daemon.Cluster;

public sealed record ClusterRunCoordinatorOptions
{
    /// <summary>The coordinator's node writes each run's merged summary to <c>&lt;data-dir&gt;/runs/&lt;id&gt;/cluster-summary.json</c>.</summary>
    public required string DataDir { get; init; }
    public TimeSpan StartLead { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan PrepareTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>After taking over, how long to collect the nodes' replicas before answering about runs.</summary>
    public TimeSpan RecoveryWindow { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Ended runs kept in memory (and replicated) for status requests.</summary>
    public int KeepEndedRuns { get; init; } = 200;

    public const string SummaryFileName = "cluster-summary.json";
}
