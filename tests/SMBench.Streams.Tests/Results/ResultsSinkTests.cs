using System.Threading.Channels;
using Akka.Streams;
using Akka.TestKit.Xunit2;
using SMBench.Core.Results;
using SMBench.Streams.Results;
using Xunit;

namespace SMBench.Streams.Tests.Results;

public sealed class ResultsSinkTests : TestKit, IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-sink-").FullName;

    private static OpResult Result(int i) => new()
    {
        OpId = $"op{i}", ClientId = $"c{i % 7}", Type = "read", DueUs = i, IssuedUs = i + 1, CompletedUs = i + 5,
        Status = i % 10 == 0 ? "STATUS_ACCESS_DENIED" : "STATUS_SUCCESS", Bytes = 4096,
    };

    [Fact]
    public async Task Every_result_is_journaled_once_in_order_counted_and_its_slot_given_back()
    {
        var channel = Channel.CreateUnbounded<OpResult>();
        using var journal = new ResultsJournal(_tmp);
        var live = new LiveSummary(new RunSummary());
        long released = 0;
        var written = ResultsSink.Run(channel.Reader, journal, live, Sys.Materializer(), n => Interlocked.Add(ref released, n));
        for (var i = 0; i < 20_000; i++) channel.Writer.TryWrite(Result(i));
        channel.Writer.Complete();
        await written.WaitAsync(TimeSpan.FromSeconds(60));
        journal.Dispose();

        var ids = ResultsJournal.ReadAll(journal.PathName).Select(r => r.GetProperty("op_id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => $"op{i}"), ids);
        Assert.Equal(20_000, Interlocked.Read(ref released));
        Assert.Equal(20_000, live.Completed);
        Assert.Equal(2_000, live.Failed);
    }

    [Fact]
    public async Task A_failed_results_stream_fails_the_sink_and_keeps_what_was_journaled()
    {
        var channel = Channel.CreateUnbounded<OpResult>();
        using var journal = new ResultsJournal(_tmp);
        var live = new LiveSummary(new RunSummary());
        var written = ResultsSink.Run(channel.Reader, journal, live, Sys.Materializer(), _ => { });
        for (var i = 0; i < 10; i++) channel.Writer.TryWrite(Result(i));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (live.Completed < 10 && DateTime.UtcNow < deadline) await Task.Delay(10);
        channel.Writer.Complete(new IOException("results channel broke"));
        var e = await Assert.ThrowsAnyAsync<Exception>(() => written.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("results channel broke", e.ToString(), StringComparison.Ordinal);
        journal.Dispose();
        Assert.Equal(10, ResultsJournal.ReadAll(journal.PathName).Count());
    }

    [Fact]
    public async Task A_journal_that_cannot_be_written_still_gives_every_slot_back_and_fails_the_sink()
    {
        var channel = Channel.CreateUnbounded<OpResult>();
        var journal = new ResultsJournal(_tmp);
        journal.Dispose(); // every write now throws, as on a full or vanished disk
        long released = 0;
        var written = ResultsSink.Run(channel.Reader, journal, new LiveSummary(new RunSummary()), Sys.Materializer(),
            n => Interlocked.Add(ref released, n));
        for (var i = 0; i < 5_000; i++) channel.Writer.TryWrite(Result(i));
        channel.Writer.Complete();
        await Assert.ThrowsAnyAsync<Exception>(() => written.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(5_000, Interlocked.Read(ref released));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
