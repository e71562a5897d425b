using SMBench.Core.Results;
using SMBench.Streams.Runs;

namespace SMBench.Daemon.Runs;

/// <summary>Messages of <see cref="RunManager"/>.</summary>
public static class RunManagerProtocol
{
    /// <summary>Queue a checked request (preflight passed). Answer: <see cref="RunRecord"/> in state queued or running.</summary>
    /// <param name="OpsTotal">Ops in the workload (from preflight), for progress.</param>
    public sealed record Submit(ReplayRequest Request, long OpsTotal, int Clients);

    /// <summary>Answer: <see cref="RunList"/>, newest first.</summary>
    public sealed record ListRuns;

    public sealed record RunList(IReadOnlyList<RunRecord> Runs);

    /// <summary>Answer: <see cref="RunRecord"/> (with the live summary while running) or <see cref="NotFound"/>.</summary>
    public sealed record GetRun(string Id);

    /// <summary>Answer: <see cref="StopAccepted"/>, <see cref="NotFound"/> or <see cref="AlreadyEnded"/>.</summary>
    public sealed record StopRun(string Id, string Reason);

    public sealed record StopAccepted(RunRecord Run);

    public sealed record NotFound(string Id);

    public sealed record AlreadyEnded(RunRecord Run);

    /// <summary>Shutdown: stop everything; the answer <see cref="AllStopped"/> comes once every run has ended.</summary>
    public sealed record StopAll(string Reason);

    public sealed record AllStopped(int Stopped);

    internal sealed record ProgressUpdate(string Id, ReplayProgress Progress);

    internal sealed record LiveSummaryArrived(string Id, Actors.Runs.ReplayCoordinatorProtocol.RunProgress? Progress);

    internal sealed record RunEnded(string Id, RunSummary? Summary, string? Error, string? LoginFailure);
}
