using System.Threading.Channels;
using Akka.Streams;
using Akka.Streams.Dsl;
using SMBench.Core.Results;

namespace SMBench.Streams.Results;

/// <summary>
/// The results end of the graph: op results from every client, grouped (up to 4,096 or 5 ms), appended to the
/// journal and flushed per group, then folded into the live summary. An op leaves the in-flight count only here,
/// once journaled, which costs one gate update per group instead of one per op.
/// </summary>
public static class ResultsSink
{
    /// <param name="journaled">Called with each group's size once it is on disk (gives the in-flight slots back).</param>
    public static Task Run(ChannelReader<OpResult> results, ResultsJournal journal, LiveSummary live, IMaterializer materializer,
        Action<int> journaled)
        => ChannelSource.FromReader(results)
            .GroupedWithin(4096, TimeSpan.FromMilliseconds(5))
            .RunForeach(batch =>
            {
                var list = batch as IReadOnlyList<OpResult> ?? batch.ToList();
                foreach (var r in list) journal.Append(r);
                journal.Flush();
                live.AddRange(list);
                journaled(list.Count);
            }, materializer);
}
