using System.Text;
using SMBench.Core.Results;
using SMBench.Core.Tests.Support;
using Xunit;

namespace SMBench.Core.Tests.Results;

public sealed class ResultsJournalTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static OpResult Result(int i, string status = StatusText.Success) => new()
    {
        OpId = $"op_{i}", ClientId = "c1", Type = "read", DueUs = 1000 * i, IssuedUs = 1000 * i + 7,
        CompletedUs = 1000 * i + 250, Status = status, Bytes = 4096,
    };

    [Fact]
    public void Appended_records_reach_the_file_at_flush_with_every_field()
    {
        var dir = _tmp.Combine("results");
        using var journal = new ResultsJournal(dir);
        journal.Append(Result(1) with
        {
            ExpectedStatus = "STATUS_ACCESS_DENIED", Path = "docs/a.txt", Error = "denied", Node = "node-1",
        });
        Assert.Equal(0, new FileInfo(journal.PathName).Length);

        journal.Flush();

        Assert.Equal(Path.Combine(dir, "ops.jsonl"), journal.PathName);
        var r = Assert.Single(ResultsJournal.ReadAll(journal.PathName));
        Assert.Equal("op_1", r.GetProperty("op_id").GetString());
        Assert.Equal("c1", r.GetProperty("client_id").GetString());
        Assert.Equal("read", r.GetProperty("type").GetString());
        Assert.Equal(1000, r.GetProperty("due_us").GetInt64());
        Assert.Equal(1007, r.GetProperty("issued_us").GetInt64());
        Assert.Equal(1250, r.GetProperty("completed_us").GetInt64());
        Assert.Equal(243, r.GetProperty("latency_us").GetInt64());
        Assert.Equal(7, r.GetProperty("lateness_us").GetInt64());
        Assert.Equal("STATUS_SUCCESS", r.GetProperty("status").GetString());
        Assert.Equal(4096, r.GetProperty("bytes").GetInt64());
        Assert.Equal("STATUS_ACCESS_DENIED", r.GetProperty("expected_status").GetString());
        Assert.Equal("docs/a.txt", r.GetProperty("path").GetString());
        Assert.Equal("denied", r.GetProperty("error").GetString());
        Assert.Equal("node-1", r.GetProperty("node").GetString());
    }

    [Fact]
    public void Records_come_back_in_order_one_line_each()
    {
        string path;
        using (var journal = new ResultsJournal(_tmp.Path))
        {
            for (var i = 0; i < 100; i++)
            {
                journal.Append(Result(i));
                if (i % 7 == 0) journal.Flush();
            }
            Assert.Equal(100, journal.Count);
            path = journal.PathName;
        }
        Assert.Equal(100, File.ReadAllLines(path).Length);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"op_{i}"),
            ResultsJournal.ReadAll(path).Select(r => r.GetProperty("op_id").GetString()));
    }

    [Fact]
    public void Optional_fields_are_left_out_when_absent()
    {
        using var journal = new ResultsJournal(_tmp.Path);
        journal.Append(Result(1));
        journal.Flush();
        var r = Assert.Single(ResultsJournal.ReadAll(journal.PathName));
        Assert.False(r.TryGetProperty("expected_status", out _));
        Assert.False(r.TryGetProperty("error", out _));
    }

    [Fact]
    public void A_torn_final_line_is_skipped()
    {
        string path;
        using (var journal = new ResultsJournal(_tmp.Path))
        {
            journal.Append(Result(1));
            journal.Append(Result(2));
            path = journal.PathName;
        }
        File.AppendAllText(path, "{\"op_id\":\"op_3\",\"client_id\":\"c");

        Assert.Equal(["op_1", "op_2"], ResultsJournal.ReadAll(path).Select(r => r.GetProperty("op_id").GetString()));
    }

    [Fact]
    public void Appending_after_a_torn_line_keeps_the_new_records_readable()
    {
        string path;
        using (var journal = new ResultsJournal(_tmp.Path))
        {
            journal.Append(Result(1));
            path = journal.PathName;
        }
        File.AppendAllText(path, "{\"op_id\":\"op_2\",\"sta");

        using (var journal = new ResultsJournal(_tmp.Path))
        {
            journal.Append(Result(3));
            journal.Append(Result(4));
        }

        Assert.Equal(["op_1", "op_3", "op_4"], ResultsJournal.ReadAll(path).Select(r => r.GetProperty("op_id").GetString()));
        Assert.EndsWith("\n", File.ReadAllText(path, Encoding.UTF8), StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_holding_only_a_torn_line_starts_clean()
    {
        var path = _tmp.WriteText("ops.jsonl", "{\"op_id\":\"op_0\"");
        using (var journal = new ResultsJournal(_tmp.Path)) journal.Append(Result(1));
        Assert.Equal(["op_1"], ResultsJournal.ReadAll(path).Select(r => r.GetProperty("op_id").GetString()));
    }

    [Fact]
    public void Another_reader_sees_flushed_records_while_the_journal_is_open()
    {
        using var journal = new ResultsJournal(_tmp.Path);
        journal.Append(Result(1));
        journal.Flush();
        journal.Append(Result(2));
        Assert.Single(ResultsJournal.ReadAll(journal.PathName));
        journal.Flush();
        Assert.Equal(2, ResultsJournal.ReadAll(journal.PathName).Count());
    }
}
