using System.Threading.Channels;
using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using SMBench.Actors.Runs;
using SMBench.Core.Results;
using SMBench.Streams.Dispatch;
using SMBench.Streams.Results;
using SMBench.Streams.Threading;
using SMBench.Streams.Timing;

namespace SMBench.Streams;

/// <summary>
/// The run's Akka.Streams graph: streaming IR source → <see cref="DueTimeStage"/> → dispatch to the clients with
/// backpressure; and the results channel → journal sink. The IR is parsed ahead on its own niced thread
/// (<see cref="BackgroundFeed"/>), so parsing overlaps with timing without competing with releases.
/// </summary>
public sealed class ReplayGraph(IMaterializer materializer, Func<RunClock, IEnumerable<ScheduledOp>> operations, int maxBatch = 1024)
    : IReplayPipeline
{
    /// <summary>A timeline whose ops do not depend on the run clock.</summary>
    public ReplayGraph(IMaterializer materializer, Func<IEnumerable<ScheduledOp>> operations, int maxBatch = 1024)
        : this(materializer, _ => operations(), maxBatch)
    {
    }

    /// <summary>Ops parsed ahead of the timeline: <see cref="ChunksAhead"/> chunks of <see cref="ChunkSize"/>.</summary>
    public const int ChunkSize = 256, ChunksAhead = 32;

    public PipelineRun Start(RunContext run, IReadOnlyDictionary<string, IActorRef> clients, ChannelReader<OpResult> results,
        ResultsJournal journal, LiveSummary live)
    {
        var dispatcher = new ClientDispatcher(run, clients);
        var feedStop = new CancellationTokenSource();
        var feed = BackgroundFeed.Start(() => operations(run.Clock), ChunkSize, ChunksAhead, "smbench-ir-reader", feedStop.Token);
        var ((killSwitch, control), timeline) = ChannelSource.FromReader(feed)
            .ViaMaterialized(KillSwitches.Single<ScheduledOp[]>(), Keep.Right)
            .ViaMaterialized(new DueTimeStage(run.Clock, maxBatch, dropped: run.NotReleased), Keep.Both)
            .SelectAsync(1, dispatcher.DispatchAsync)
            .ToMaterialized(Sink.Ignore<int>(), Keep.Both)
            .Run(materializer);
        // Whatever ends the timeline (all released, stopped, failed) also ends the reader thread.
        var ended = false;
        timeline.ContinueWith(_ =>
        {
            Volatile.Write(ref ended, true);
            feedStop.Cancel();
        }, TaskScheduler.Default);
        var written = ResultsSink.Run(results, journal, live, materializer, run.Gate.Release);
        return new PipelineRun(control.Primed, control.Begin, timeline, written, () =>
        {
            killSwitch.Shutdown();
            if (!Volatile.Read(ref ended)) control.Cancel();
        }, () => dispatcher.Released);
    }
}
