using System.Threading.Channels;
using Akka.Streams;
using Akka.Streams.Dsl;
using SMBench.Core.Results;

namespace SMBench.Streams.Results;

/// <summary>
/// The results end of the graph: op results from every client, grouped (up to 4,096 or 5 ms), appended to the
/// journal and flushed per group (on the <see cref="JournalWriter"/> thread), then folded into the live summary.
/// An op leaves the in-flight count only once journaled, which costs one gate update per group instead of one per op.
/// </summary>
public static class ResultsSink
{
    /// <param name="journaled">Called with each group's size once it is on disk (gives the in-flight slots back).</param>
    public static Task Run(ChannelReader<OpResult> results, ResultsJournal journal, LiveSummary live, IMaterializer materializer,
        Action<int> journaled)
    {
        var writer = new JournalWriter(journal, live, journaled);
        var grouped = ChannelSource.FromReader(results)
            .GroupedWithin(4096, TimeSpan.FromMilliseconds(5))
            // Copied: the group is read later on the writer thread, and the stage owns its buffers.
            .RunForeach(batch => writer.Write(batch.ToArray()), materializer);
        grouped.ContinueWith(t => writer.Complete(t.Exception?.GetBaseException()), TaskScheduler.Default);
        return writer.Done;
    }
}
