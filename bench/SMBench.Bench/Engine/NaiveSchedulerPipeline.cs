using System.Threading.Channels;
using Akka.Actor;
using SMBench.Actors.Clients;
using SMBench.Actors.Runs;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Streams.Results;
using Akka.Streams;

namespace SMBench.Bench.Engine;

/// <summary>
/// The baseline the timing stage is measured against: every op handed to Akka's default scheduler
/// (ScheduleTellOnce at its due time), the way a straightforward Akka replay would do it.
/// </summary>
internal sealed class NaiveSchedulerPipeline(ActorSystem system, string workload, double timeScale) : IReplayPipeline
{
    public PipelineRun Start(RunContext run, IReadOnlyDictionary<string, IActorRef> clients, ChannelReader<OpResult> results,
        ResultsJournal journal, LiveSummary live)
    {
        long released = 0;
        var begin = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new CancellationTokenSource();
        var timeline = Task.Run(async () =>
        {
            await begin.Task;
            foreach (var op in WorkloadReader.Open(workload).ReadOperations())
            {
                if (cancelled.IsCancellationRequested) break;
                await run.Gate.AcquireAsync(1);
                var due = (long)(op.TimestampUs * timeScale);
                var delay = TimeSpan.FromTicks(Math.Max(0, (due - run.Clock.NowUs) * 10));
                system.Scheduler.ScheduleTellOnce(delay, clients[op.ClientId], new ClientProtocol.Execute(op, due), ActorRefs.NoSender);
                Interlocked.Increment(ref released);
            }
        });
        var written = ResultsSink.Run(results, journal, live, system.Materializer(), run.Gate.Release);
        return new PipelineRun(Task.CompletedTask, () => begin.TrySetResult(), timeline, written, cancelled.Cancel,
            () => Interlocked.Read(ref released));
    }
}
