using SMBench.Daemon.Cli;
using SMBench.Daemon.Reports;
using Xunit;

namespace SMBench.Integration.Tests.Reports;

public sealed class CompareRendererTests(ReplayedRunsFixture runs) : IClassFixture<ReplayedRunsFixture>
{
    [Fact]
    public void Two_runs_of_one_workload_render_side_by_side_with_p99_deltas_per_type()
    {
        var a = RunReport.Load(runs.RunA);
        var b = RunReport.Load(runs.RunB);
        var html = CompareRenderer.Render(a, b);

        ReportHtml.HasSections(html, CompareRenderer.SectionIds);
        ReportHtml.IsSelfContained(html);
        Assert.Contains("<table id=\"compare-p99\" class=\"sortable\">", html);
        foreach (var type in new[] { "open", "write", "read", "close" })
        {
            Assert.Contains($"<tr><td>{type}</td>", html);
            // B's backend adds 15 ms per op: its p99 is at least that, and its median is above A's (the null
            // backend answers at once; medians rather than p99s keep a stall on a loaded machine from flipping it).
            Assert.True(b.Data.Types[type].LatencyMs(99) >= 15, type);
            Assert.True(b.Data.Types[type].LatencyMs(50) > a.Data.Types[type].LatencyMs(50), type);
        }
        Assert.Contains("(worse)", html);
        Assert.Contains("null://a", html);
        Assert.Contains("null://b", html);
    }

    [Fact]
    public void Error_rates_and_fidelity_are_compared()
    {
        var html = CompareRenderer.Render(RunReport.Load(runs.RunA), RunReport.Load(runs.RunC));
        Assert.Contains("<table id=\"compare-error-rates\" class=\"sortable\">", html);
        Assert.Contains("<table id=\"compare-errors-by-status\" class=\"sortable\">", html);
        Assert.Contains("SMBENCH_DEPENDENCY_FAILED", html);
        Assert.Contains("<table id=\"compare-mismatches\" class=\"sortable\">", html);
        Assert.Contains("open: STATUS_OBJECT_NAME_NOT_FOUND → STATUS_SUCCESS", html);
        Assert.Contains("did not issue the same number of ops", html);
    }

    [Fact]
    public async Task The_cli_writes_report_and_compare_files_and_refuses_a_missing_directory()
    {
        var report = Path.Combine(runs.Root, "cli", "report.html");
        var compare = Path.Combine(runs.Root, "cli", "compare.html");

        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync(["report", runs.RunA, "-o", report]));
        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync(["compare", runs.RunA, runs.RunB, "-o", compare]));
        Assert.Equal(ExitCodes.Usage, await CliApp.RunAsync(["report", Path.Combine(runs.Root, "nope"), "-o", report + "2"]));

        ReportHtml.HasSections(await File.ReadAllTextAsync(report), ReportRenderer.SectionIds);
        ReportHtml.HasSections(await File.ReadAllTextAsync(compare), CompareRenderer.SectionIds);
        Assert.False(File.Exists(report + "2"));
    }
}
