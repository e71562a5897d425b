using SMBench.Streams.Threading;
using Xunit;

namespace SMBench.Streams.Tests.Threading;

public sealed class BackgroundFeedTests
{
    private static async Task<List<int>> DrainAsync(System.Threading.Channels.ChannelReader<int[]> reader)
    {
        var all = new List<int>();
        await foreach (var chunk in reader.ReadAllAsync()) all.AddRange(chunk);
        return all;
    }

    private static async Task DrainEndlessAsync(System.Threading.Channels.ChannelReader<int[]> reader)
    {
        await foreach (var _ in reader.ReadAllAsync()) { }
    }

    [Fact]
    public async Task Every_item_arrives_once_in_order_across_chunk_boundaries()
    {
        var reader = BackgroundFeed.Start(() => Enumerable.Range(0, 10_001), chunkSize: 256, chunksAhead: 2, "test-feed", CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 10_001), await DrainAsync(reader));
    }

    [Fact]
    public async Task A_failing_source_fails_the_channel_after_what_it_produced()
    {
        static IEnumerable<int> Broken()
        {
            for (var i = 0; i < 300; i++) yield return i;
            throw new InvalidDataException("line 301: truncated JSON");
        }
        var reader = BackgroundFeed.Start(Broken, chunkSize: 256, chunksAhead: 4, "test-feed", CancellationToken.None);
        var first = await reader.ReadAsync();
        Assert.Equal(256, first.Length);
        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await DrainAsync(reader));
        Assert.Contains("line 301", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_ends_a_reader_blocked_on_a_full_channel()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            while (true) yield return Interlocked.Increment(ref produced);
        }
        using var stop = new CancellationTokenSource();
        var reader = BackgroundFeed.Start(Endless, chunkSize: 16, chunksAhead: 2, "test-feed", stop.Token);
        await reader.ReadAsync(); // the feed is running and will fill the channel and block
        stop.Cancel();
        // The channel completes once the feed has stopped and what it had buffered is taken.
        await DrainEndlessAsync(reader).WaitAsync(TimeSpan.FromSeconds(30));
        var after = Volatile.Read(ref produced);
        await Task.Delay(100);
        Assert.Equal(after, Volatile.Read(ref produced));
    }
}
