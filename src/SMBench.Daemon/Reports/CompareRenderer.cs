namespace SMBench.Daemon.Reports;

/// <summary>
/// Two runs side by side (the same workload on two servers or two builds) with the deltas a regression hunter
/// reads first: p99 per op type, error rates, fidelity. B is compared against A: a positive latency delta means B
/// is slower.
/// </summary>
public static class CompareRenderer
{
    public static readonly IReadOnlyList<string> SectionIds =
        ["compare-header", "compare-summary", "compare-latency", "compare-errors", "compare-fidelity", "compare-charts"];

    public static string Render(RunReport a, RunReport b)
    {
        var html = new Html();
        ReportPage.Begin(html, $"SMBench compare: {a.Title} vs {b.Title}");
        CompareSections.Header(html, a, b);
        CompareSections.Summary(html, a, b);
        CompareSections.LatencyByType(html, a, b);
        CompareSections.Errors(html, a, b);
        CompareSections.Fidelity(html, a, b);
        CompareCharts.Charts(html, a, b);
        ReportPage.End(html);
        return html.ToString();
    }

    public static (RunReport A, RunReport B) WriteCompare(string resultsA, string resultsB, string outputPath, CancellationToken cancellationToken = default)
    {
        var a = RunReport.Load(resultsA, cancellationToken);
        var b = RunReport.Load(resultsB, cancellationToken);
        ReportRenderer.WriteAtomically(outputPath, Render(a, b));
        return (a, b);
    }
}
