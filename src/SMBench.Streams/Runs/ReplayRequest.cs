using SMBench.Actors.Backends;

namespace SMBench.Streams.Runs;

/// <summary>One replay as the CLI or the HTTP API asks for it.</summary>
public sealed record ReplayRequest
{
    public required string WorkloadPath { get; init; }
    public required IReplayBackend Backend { get; init; }
    public required string ResultsDir { get; init; }
    public ReplayMode Mode { get; init; } = ReplayMode.Mvp;
    /// <summary>1 real time, 0.5 twice as fast, 0 as fast as dependencies allow.</summary>
    public double TimeScale { get; init; } = 1.0;
    public string RunId { get; init; } = NewRunId();
    public string? Target { get; init; }
    public int MaxInFlightPerClient { get; init; } = 1;
    public int InFlightLimit { get; init; } = 200_000;
    /// <summary>Only these clients run here (cluster partitions); null means all.</summary>
    public IReadOnlySet<string>? Clients { get; init; }
    /// <summary>Replay the workload more than once (--loop N) or until a duration has elapsed (--duration).</summary>
    public ReplayLoop Loop { get; init; } = ReplayLoop.Once;
    public string? Node { get; init; }
    /// <summary>Cluster runs: the shared start instant, asked once this node is ready (see RunPlan.StartBarrier).</summary>
    public Func<CancellationToken, Task<DateTimeOffset>>? StartBarrier { get; init; }
    /// <summary>Sees every results batch (metrics).</summary>
    public SMBench.Core.Results.IResultObserver? Observer { get; init; }

    public static string NewRunId() => $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>Live progress of a replay, for progress lines and status requests.</summary>
public sealed record ReplayProgress(string State, long Released, long Completed, long Failed, long Total, TimeSpan Elapsed);

/// <summary>The replay was refused before anything ran (mode, capabilities, invalid IR).</summary>
public sealed class ReplayRefusedException(string message) : Exception(message);
