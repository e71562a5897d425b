namespace SMBench.Daemon.Reports;

/// <summary>
/// One run as a self-contained HTML page: header, tiles, throughput, latency, lateness, errors, fidelity, breaks,
/// clients and the compile report. Each section has a stable id so scripts (and tests) can find it.
/// </summary>
public static class ReportRenderer
{
    public static readonly IReadOnlyList<string> SectionIds =
        ["run-header", "summary", "throughput", "latency", "lateness", "errors", "fidelity", "breaks", "clients", "compile-report"];

    public static string Render(RunReport report)
    {
        var html = new Html();
        ReportPage.Begin(html, $"SMBench run {report.Title}");
        HeaderSections.RunHeader(html, report);
        HeaderSections.Tiles(html, report);
        ChartSections.Throughput(html, report);
        ChartSections.Latency(html, report);
        ChartSections.Lateness(html, report);
        TableSections.Errors(html, report);
        TableSections.Fidelity(html, report);
        TableSections.Breaks(html, report);
        ClientSections.Clients(html, report);
        ClientSections.CompileReport(html, report);
        ReportPage.End(html);
        return html.ToString();
    }

    /// <summary>Loads <paramref name="resultsDir"/>, renders it and writes <paramref name="outputPath"/>.</summary>
    public static RunReport WriteReport(string resultsDir, string outputPath, CancellationToken cancellationToken = default)
    {
        var report = RunReport.Load(resultsDir, cancellationToken);
        WriteAtomically(outputPath, Render(report));
        return report;
    }

    /// <summary>Writes beside the target and renames, so a reader never sees half a report.</summary>
    public static void WriteAtomically(string path, string content)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = full + ".tmp";
        File.WriteAllText(tmp, content);
        File.Move(tmp, full, overwrite: true);
    }
}
