using SMBench.Daemon.Hosting.Logging;
using Xunit;

namespace SMBench.Daemon.Tests.Hosting;

public sealed class LogRingTests
{
    private static void Add(LogRing ring, int from, int to)
    {
        for (var i = from; i <= to; i++) ring.Append(DateTimeOffset.UtcNow, "info", "test", $"line {i}", null);
    }

    [Fact]
    public void Tail_returns_the_newest_lines_oldest_first_and_forgets_beyond_capacity()
    {
        var ring = new LogRing(16);
        Add(ring, 1, 40);
        Assert.Equal(["line 38", "line 39", "line 40"], ring.Tail(3).Select(e => e.Message));
        var all = ring.Tail(100);
        Assert.Equal(16, all.Count);
        Assert.Equal("line 25", all[0].Message);
        Assert.Equal(40, all[^1].Seq);
    }

    [Fact]
    public async Task A_subscription_gets_the_backlog_then_new_lines_until_disposed()
    {
        var ring = new LogRing(100);
        Add(ring, 1, 5);
        var sub = ring.Subscribe(2);
        Assert.Equal(["line 4", "line 5"], sub.Backlog.Select(e => e.Message));
        Add(ring, 6, 7);
        Assert.Equal("line 6", (await sub.Reader.ReadAsync()).Message);
        Assert.Equal("line 7", (await sub.Reader.ReadAsync()).Message);
        sub.Dispose();
        Add(ring, 8, 8);
        Assert.False(await sub.Reader.WaitToReadAsync());
    }
}
