using System.Threading.Channels;
using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using SMBench.Actors.Runs;
using SMBench.Core.Results;
using SMBench.Streams.Dispatch;
using SMBench.Streams.Results;
using SMBench.Streams.Timing;

namespace SMBench.Streams;

/// <summary>
/// The run's Akka.Streams graph: streaming IR source → <see cref="DueTimeStage"/> → dispatch to the clients with
/// backpressure; and the results channel → journal sink. The source is read on its own async island so parsing
/// the IR overlaps with timing.
/// </summary>
public sealed class ReplayGraph(IMaterializer materializer, Func<IEnumerable<ScheduledOp>> operations, int maxBatch = 1024)
    : IReplayPipeline
{
    public PipelineRun Start(RunContext run, IReadOnlyDictionary<string, IActorRef> clients, ChannelReader<OpResult> results,
        ResultsJournal journal, LiveSummary live)
    {
        var dispatcher = new ClientDispatcher(run, clients);
        var ((killSwitch, control), timeline) = Source.FromEnumerator(() => operations().GetEnumerator())
            .Buffer(4096, OverflowStrategy.Backpressure)
            .Async()
            .ViaMaterialized(KillSwitches.Single<ScheduledOp>(), Keep.Right)
            .ViaMaterialized(new DueTimeStage(run.Clock, maxBatch), Keep.Both)
            .SelectAsync(1, dispatcher.DispatchAsync)
            .ToMaterialized(Sink.Ignore<int>(), Keep.Both)
            .Run(materializer);
        var written = ResultsSink.Run(results, journal, live, materializer, run.Gate.Release);
        return new PipelineRun(control.Primed, control.Begin, timeline, written, () => killSwitch.Shutdown(), () => dispatcher.Released);
    }
}
