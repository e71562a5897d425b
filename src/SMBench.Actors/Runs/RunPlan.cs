using SMBench.Actors.Backends;
using SMBench.Core.Results;

namespace SMBench.Actors.Runs;

/// <summary>Everything a coordinator needs to run one replay on this node.</summary>
public sealed record RunPlan
{
    public required string RunId { get; init; }
    public required IReadOnlyList<string> ClientIds { get; init; }
    public required IReplayBackend Backend { get; init; }
    public required IReplayPipeline Pipeline { get; init; }
    public required string ResultsDir { get; init; }
    public ReplayMode Mode { get; init; } = ReplayMode.Mvp;
    public int MaxInFlightPerClient { get; init; } = 1;
    /// <summary>Ops released but unfinished across the run; beyond it the timeline waits (backpressure).</summary>
    public int InFlightLimit { get; init; } = 200_000;
    public string? Node { get; init; }
    /// <summary>Delay between "all clients connected" and time zero, so the first ops are not late by setup.</summary>
    public TimeSpan StartLead { get; init; } = TimeSpan.FromMilliseconds(5);
    public RunSummary SummaryTemplate { get; init; } = new();
    public IResultObserver? Observer { get; init; }
    /// <summary>Break answers the capture recorded (the IR's on_break entries), compared with breaks seen.</summary>
    public long? BreaksExpected { get; init; }
    /// <summary>
    /// Cluster runs: called once this node is connected and primed; the run clock starts at the wall-clock instant it
    /// answers (the same instant on every node), instead of <see cref="StartLead"/> after priming. Null: start at once.
    /// </summary>
    public Func<CancellationToken, Task<DateTimeOffset>>? StartBarrier { get; init; }
}
