namespace SMBench.Daemon.Runs;

/// <summary>How the daemon runs replays: where results go and how many run at once.</summary>
public sealed record RunManagerOptions
{
    /// <summary>Daemon data directory; each run's results go to <c>&lt;data-dir&gt;/runs/&lt;id&gt;/</c>.</summary>
    public required string DataDir { get; init; }

    /// <summary>Runs executing at the same time; the rest wait in the queue (default 1).</summary>
    public int MaxConcurrentRuns { get; init; } = 1;

    /// <summary>How long a status request waits for a running coordinator's live summary.</summary>
    public TimeSpan StatusTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a running run's live summary is reused for further status requests. Building one takes the results
    /// sink's lock and computes percentiles, so a burst of status polls must not each pay for it.
    /// </summary>
    public TimeSpan LiveSummaryMaxAge { get; init; } = TimeSpan.FromMilliseconds(500);

    public string RunsDir => Path.Combine(DataDir, "runs");

    public string ResultsDirFor(string runId) => Path.Combine(RunsDir, runId);
}
