using System.Threading.Channels;
using Akka.Actor;
using SMBench.Core.Results;

namespace SMBench.Actors.Runs;

/// <summary>
/// The timeline of a run: what releases ops at their due time to the clients and carries results to the journal.
/// Implemented by SMBench.Streams (an Akka.Streams graph); the coordinator only starts, watches and cancels it.
/// </summary>
public interface IReplayPipeline
{
    PipelineRun Start(RunContext run, IReadOnlyDictionary<string, IActorRef> clients, ChannelReader<OpResult> results,
        ResultsJournal journal, LiveSummary live);
}

/// <param name="Primed">Completes when the first op is read and waiting: the clock may start.</param>
/// <param name="Begin">Starts releasing (call after starting the run clock).</param>
/// <param name="Timeline">Completes when every op has been released (or the run was cancelled).</param>
/// <param name="ResultsWritten">Completes when the results channel is drained into the journal.</param>
/// <param name="Cancel">Stops releasing ops.</param>
/// <param name="Released">Ops released so far.</param>
public sealed record PipelineRun(Task Primed, Action Begin, Task Timeline, Task ResultsWritten, Action Cancel, Func<long> Released);
