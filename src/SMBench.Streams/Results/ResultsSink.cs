using System.Threading.Channels;
using Akka.Streams;
using Akka.Streams.Dsl;
using SMBench.Core.Results;

namespace SMBench.Streams.Results;

/// <summary>
/// The results end of the graph: op results from every client, grouped (up to 4,096 or 5 ms), appended to the
/// journal and flushed per group, then folded into the live summary.
/// </summary>
public static class ResultsSink
{
    public static Task Run(ChannelReader<OpResult> results, ResultsJournal journal, LiveSummary live, IMaterializer materializer)
        => ChannelSource.FromReader(results)
            .GroupedWithin(4096, TimeSpan.FromMilliseconds(5))
            .RunForeach(batch =>
            {
                var list = batch as IReadOnlyList<OpResult> ?? batch.ToList();
                foreach (var r in list) journal.Append(r);
                journal.Flush();
                live.AddRange(list);
            }, materializer);
}
