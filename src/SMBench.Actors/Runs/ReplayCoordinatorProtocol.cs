using SMBench.Core.Results;

namespace SMBench.Actors.Runs;

/// <summary>Messages of <see cref="ReplayCoordinator"/>.</summary>
public static class ReplayCoordinatorProtocol
{
    /// <summary>Run the plan; the sender gets <see cref="RunFinished"/> at the end.</summary>
    public sealed record StartRun(RunPlan Plan);

    public sealed record StopRun(string Reason);

    public sealed record GetProgress;

    public sealed record RunProgress(string RunId, string State, long Released, long Completed, long Failed, RunSummary Summary);

    /// <param name="LoginFailure">Set when no client could connect or log in (nothing ran).</param>
    public sealed record RunFinished(RunSummary Summary, string? LoginFailure, string? Error);

    internal sealed record Primed;
    internal sealed record StartInstant(DateTimeOffset? At);
    internal sealed record TimelineDone(Exception? Error);
    internal sealed record Drained;
    internal sealed record ResultsWritten(Exception? Error);
}
