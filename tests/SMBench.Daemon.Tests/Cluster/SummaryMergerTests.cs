using SMBench.Core.Results;
using SMBench.Daemon.Cluster;
using Xunit;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>Merging nodes' histograms gives the percentiles one node would have computed over all ops (never an average).</summary>
public sealed class SummaryMergerTests
{
    private static IEnumerable<OpResult> Ops(int count, int seed, long latencyScale)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var issued = i * 100L + random.Next(0, 50);
            yield return new OpResult
            {
                OpId = $"{seed}-{i}", ClientId = $"c{seed}-{i % 7}", Type = i % 3 == 0 ? "open" : "read", DueUs = i * 100L,
                IssuedUs = issued, CompletedUs = issued + (long)(random.NextDouble() * latencyScale),
                Status = i % 11 == 0 ? "STATUS_ACCESS_DENIED" : "STATUS_SUCCESS",
            };
        }
    }

    [Fact]
    public void Merged_percentiles_equal_those_of_all_ops_in_one_histogram()
    {
        // Two very different nodes: averaging their p99s would be far off the true p99.
        var fast = Ops(5000, 1, 200).ToList();
        var slow = Ops(500, 2, 50_000).ToList();
        var a = new PartialSummaryBuilder();
        var b = new PartialSummaryBuilder();
        a.OnResults(fast);
        b.OnResults(slow);
        var merged = SummaryMerger.Merge(new RunSummary(), [a.Build(), b.Build()]);

        var single = new SummaryBuilder();
        foreach (var r in fast.Concat(slow)) single.Add(r);
        var expected = single.Build(new RunSummary());

        Assert.Equal(expected.OpsTotal, merged.OpsTotal);
        Assert.Equal(expected.OpsOk, merged.OpsOk);
        Assert.Equal(expected.Clients, merged.Clients);
        Assert.Equal(expected.LatencyMs, merged.LatencyMs);
        Assert.Equal(expected.LatenessMs, merged.LatenessMs);
        Assert.Equal(expected.DurationS, merged.DurationS);
        Assert.Equal(expected.ByStatus, merged.ByStatus);
        Assert.Equal(expected.ByType.Keys, merged.ByType.Keys);
        foreach (var (type, counts) in expected.ByType) Assert.Equal(counts, merged.ByType[type]);
    }

    [Fact]
    public void No_parts_give_an_empty_summary()
    {
        var merged = SummaryMerger.Merge(new RunSummary { RunId = "x" }, []);
        Assert.Equal(0, merged.OpsTotal);
        Assert.Equal("x", merged.RunId);
    }
}
