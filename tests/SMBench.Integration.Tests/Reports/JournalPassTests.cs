using SMBench.Core.Results;
using SMBench.Daemon.Reports;
using Xunit;

namespace SMBench.Integration.Tests.Reports;

public sealed class JournalPassTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-journal-").FullName;

    private static OpResult Op(int i, long completedUs, string status = StatusText.Success, string? expected = null) => new()
    {
        OpId = $"op_{i}", ClientId = $"c{i % 3}", Type = i % 2 == 0 ? "read" : "write", DueUs = completedUs - 900, IssuedUs = completedUs - 500,
        CompletedUs = completedUs, Status = status, Bytes = 10, ExpectedStatus = expected, Path = $"dir/f\"{i % 4}\".txt",
    };

    [Fact]
    public void A_torn_last_line_is_skipped_and_counted_and_the_records_before_it_are_reported()
    {
        using (var journal = new ResultsJournal(_dir))
        {
            for (var i = 0; i < 10; i++) journal.Append(Op(i, 1_000 * (i + 1), i == 3 ? "STATUS_ACCESS_DENIED" : StatusText.Success));
        }
        File.AppendAllText(Path.Combine(_dir, ResultsJournal.FileName), "{\"op_id\":\"op_10\",\"client_id\":\"c1\",\"ty");

        var report = RunReport.Load(_dir);

        Assert.Null(report.Summary);
        Assert.Equal(10, report.Data.Ops);
        Assert.Equal(1, report.UnreadableLines);
        Assert.Equal(1, report.Data.Failed);
        Assert.Equal("op_3", Assert.Single(report.Data.Errors["STATUS_ACCESS_DENIED"].First).OpId);
        var html = ReportRenderer.Render(report);
        Assert.Equal("10", ReportHtml.TileValue(html, "tile-ops"));
        Assert.Contains("1 unreadable line(s)", html);
        Assert.Contains("No summary.json", html);
    }

    [Fact]
    public void Escaped_paths_are_read_back_exactly()
    {
        using (var journal = new ResultsJournal(_dir))
            journal.Append(Op(1, 5_000, StatusText.Success, expected: "STATUS_OBJECT_NAME_NOT_FOUND"));
        var report = RunReport.Load(_dir);
        var occurrence = Assert.Single(Assert.Single(report.Data.Mismatches).First);
        Assert.Equal("dir/f\"1\".txt", occurrence.Path);
        Assert.Equal(1, report.Data.MismatchPaths["dir/f\"1\".txt"]);
    }

    [Fact]
    public void A_long_run_stays_within_the_slice_cap_and_keeps_every_op()
    {
        // Ten hours, one op every 3 s: the series must coarsen instead of growing.
        const int ops = 12_000;
        using (var journal = new ResultsJournal(_dir))
            for (var i = 0; i < ops; i++) journal.Append(Op(i, 3_000_000L * i + 1_000));

        var report = RunReport.Load(_dir);

        Assert.Equal(ops, report.Data.Ops);
        Assert.InRange(report.Data.SliceCount, RunAccumulator.MaxSlices / 2, RunAccumulator.MaxSlices);
        Assert.True(report.Data.SliceWidthUs * report.Data.SliceCount >= 3_000_000L * (ops - 1));
        Assert.Equal(ops / 2, report.Data.Types["read"].Ops);
        ReportHtml.HasSections(ReportRenderer.Render(report), ReportRenderer.SectionIds);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
