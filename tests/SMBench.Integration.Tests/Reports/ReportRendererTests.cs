using System.Globalization;
using SMBench.Core.Results;
using SMBench.Daemon.Reports;
using Xunit;

namespace SMBench.Integration.Tests.Reports;

public sealed class ReportRendererTests(ReplayedRunsFixture runs) : IClassFixture<ReplayedRunsFixture>
{
    private static RunSummary Summary(string dir) => RunSummary.FromJson(File.ReadAllText(Path.Combine(dir, "summary.json")));

    [Fact]
    public void A_replayed_run_renders_every_section_and_its_tiles_equal_summary_json()
    {
        var report = RunReport.Load(runs.RunA);
        var html = ReportRenderer.Render(report);
        var s = Summary(runs.RunA);

        ReportHtml.HasSections(html, ReportRenderer.SectionIds);
        Assert.Equal(s.OpsTotal, (long)ReportHtml.TileNumber(html, "tile-ops"));
        Assert.Equal(s.OpsFailed, (long)ReportHtml.TileNumber(html, "tile-errors"));
        Assert.Equal(s.OpsPerS, ReportHtml.TileNumber(html, "tile-ops-per-s"));
        Assert.Equal(s.StatusMatchRate!.Value, ReportHtml.TileNumber(html, "tile-fidelity"));
        Assert.Equal(s.Breaks.Received, (long)ReportHtml.TileNumber(html, "tile-breaks"));
        Assert.Equal(s.Clients, (long)ReportHtml.TileNumber(html, "tile-clients"));
        // The journal pass agrees with the run's own summary.
        Assert.Equal(s.OpsTotal, report.Data.Ops);
        Assert.Equal(s.OpsFailed, report.Data.Failed);
        Assert.Equal(s.StatusChecked, report.Data.Checked);
        Assert.Equal(s.StatusMatched, report.Data.Matched);
        foreach (var (type, counts) in s.ByType)
            Assert.Equal(counts.Ok + counts.Failed, report.Data.Types[type].Ops);
        ReportHtml.IsSelfContained(html);
    }

    [Fact]
    public void The_header_names_workload_target_mode_backend_time_scale_node_and_version()
    {
        var html = ReportRenderer.Render(RunReport.Load(runs.RunA));
        var header = html[html.IndexOf("<header id=\"run-header\">", StringComparison.Ordinal)..html.IndexOf("</header>", StringComparison.Ordinal)];
        Assert.Contains(runs.WorkloadWithExpectations, header);
        Assert.Contains("null://a", header);
        Assert.Contains("realistic", header);
        Assert.Contains("<td>null</td>", header);
        Assert.Contains("node-a", header);
        Assert.Contains("<td>completed</td>", header);
        Assert.Contains(typeof(SMBench.Streams.Runs.ReplayRunner).Assembly.GetName().Version!.ToString(), header);
    }

    [Fact]
    public void Fidelity_mismatches_show_expected_vs_got_top_paths_and_the_first_op_ids()
    {
        var report = RunReport.Load(runs.RunA);
        var html = ReportRenderer.Render(report);
        var s = Summary(runs.RunA);

        // Every fifth cycle's open expected NOT_FOUND; the null backend opens everything.
        var expectedMismatches = ReportWorkloads.Clients * (ReportWorkloads.Cycles / 5);
        Assert.Equal(expectedMismatches, s.StatusChecked - s.StatusMatched);
        var kind = Assert.Single(report.Data.Mismatches);
        Assert.Equal(("open", "STATUS_OBJECT_NAME_NOT_FOUND", "STATUS_SUCCESS"), (kind.Type, kind.Expected, kind.Got));
        Assert.Equal(expectedMismatches, kind.Count);
        Assert.Contains("<table id=\"mismatches\"", html);
        Assert.Contains("<td>STATUS_OBJECT_NAME_NOT_FOUND</td><td>STATUS_SUCCESS</td>", html);
        Assert.Contains("<table id=\"mismatch-paths\"", html);
        Assert.Contains("client_00/f1.dat", html); // cycles 4, 9, 14, 19 open f1, f0, f2, f1
        Assert.Equal(RunAccumulator.OccurrencesKept, kind.First.Count);
        foreach (var o in kind.First) Assert.Contains($"<td>{o.OpId}</td>", html);
        Assert.StartsWith("op_", kind.First[0].OpId);
    }

    [Fact]
    public void Errors_of_a_local_run_are_listed_by_status_and_op_type_with_first_occurrences()
    {
        var report = RunReport.Load(runs.RunC);
        var html = ReportRenderer.Render(report);
        var s = Summary(runs.RunC);

        Assert.True(s.OpsFailed > 0);
        Assert.Equal(s.OpsFailed, (long)ReportHtml.TileNumber(html, "tile-errors"));
        Assert.Equal(s.OpsFailed, report.Data.Errors.Values.Sum(e => e.Count));
        foreach (var (status, count) in s.ByStatus.Where(kv => kv.Key != StatusText.Success))
        {
            Assert.Equal(count, report.Data.Errors[status].Count);
            Assert.Contains($"<td>{status}</td><td class=\"num\" data-v=\"{count.ToString(CultureInfo.InvariantCulture)}\">", html);
        }
        Assert.Contains("STATUS_OBJECT_NAME_NOT_FOUND", html);
        Assert.Contains(ReplayStatus.DependencyFailed, html);
        Assert.Contains("<table id=\"errors-by-type\"", html);
        Assert.Contains("<table id=\"errors-first\"", html);
        Assert.Contains("open of h3 failed", html); // the dependency error text of the first failed handle
        ReportHtml.HasSections(html, ReportRenderer.SectionIds);
        Assert.Contains("no compile-report.json", html);
    }

    [Fact]
    public void The_compile_report_of_the_workload_is_shown()
    {
        var html = ReportRenderer.Render(RunReport.Load(runs.RunA));
        var section = html[html.IndexOf("<section id=\"compile-report\">", StringComparison.Ordinal)..];
        Assert.Contains("<table id=\"compile-fields\">", section);
        Assert.Contains("data-v=\"4242\"", section);
        Assert.Contains("a test warning", section);
    }

    [Fact]
    public void The_client_table_has_one_sortable_row_per_client()
    {
        var report = RunReport.Load(runs.RunA);
        var html = ReportRenderer.Render(report);
        Assert.Contains("<table id=\"clients-table\" class=\"sortable\">", html);
        for (var c = 0; c < ReportWorkloads.Clients; c++) Assert.Contains($"<tr><td>client_{c:00}</td>", html);
        Assert.All(report.Data.Clients.Values, c => Assert.Equal(ReportWorkloads.Cycles * 4, c.Ops));
        Assert.Contains("<script>", html);
    }
}
