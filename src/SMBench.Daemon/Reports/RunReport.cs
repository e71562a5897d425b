using System.Text.Json;
using SMBench.Core.Results;

namespace SMBench.Daemon.Reports;

/// <summary>
/// Everything one results directory says about its run: <c>run.json</c>, <c>summary.json</c>, the compile report
/// of the workload when there is one, and one streaming pass over <c>ops.jsonl</c>.
/// </summary>
public sealed class RunReport
{
    public required string ResultsDir { get; init; }
    public required RunInfo Info { get; init; }
    /// <summary>The run's own summary; null when the run died before writing it (tiles then come from the journal).</summary>
    public RunSummary? Summary { get; init; }
    public JsonElement? CompileReport { get; init; }
    public required RunAccumulator Data { get; init; }
    public long UnreadableLines { get; init; }
    internal TimeSeries Series => Data.Series;

    public static RunReport Load(string resultsDir, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(resultsDir)) throw new ReportException($"{resultsDir}: no such results directory");
        var journal = Path.Combine(resultsDir, ResultsJournal.FileName);
        if (!File.Exists(journal)) throw new ReportException($"{resultsDir}: no {ResultsJournal.FileName} (is this a results directory?)");
        var info = RunInfo.Read(resultsDir);
        var summaryPath = Path.Combine(resultsDir, Actors.Runs.ReplayCoordinator.SummaryFileName);
        RunSummary? summary = null;
        if (File.Exists(summaryPath))
        {
            try { summary = RunSummary.FromJson(File.ReadAllText(summaryPath)); }
            catch (JsonException e) { throw new ReportException($"{summaryPath}: not a readable summary ({e.Message})", e); }
        }
        var data = new RunAccumulator(summary?.DurationS ?? 0);
        var scanner = new JournalScanner(new StringPool());
        scanner.Scan(journal, data, cancellationToken);
        return new RunReport
        {
            ResultsDir = Path.GetFullPath(resultsDir), Info = info, Summary = summary, Data = data,
            UnreadableLines = scanner.UnreadableLines, CompileReport = ReadCompileReport(info.Workload ?? summary?.Workload),
        };
    }

    private static JsonElement? ReadCompileReport(string? workload)
    {
        if (string.IsNullOrEmpty(workload)) return null;
        var dir = Directory.Exists(workload) ? workload : Path.GetDirectoryName(workload);
        if (dir == null) return null;
        var path = Path.Combine(dir, Compiler.CaptureCompiler.ReportFileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.Clone();
        }
        catch (JsonException) { return null; } // a damaged compile report is not worth failing the run's report
    }

    public string Title => Summary?.RunId ?? Info.RunId ?? Path.GetFileName(ResultsDir.TrimEnd('/'));

    /// <summary>The tile figures: summary.json's when present, else the journal's own count.</summary>
    public long OpsTotal => Summary?.OpsTotal ?? Data.Ops;
    public long OpsFailed => Summary?.OpsFailed ?? Data.Failed;
    public double DurationS => Summary?.DurationS ?? (Data.Ops == 0 ? 0 : (Data.LastCompletedUs - Data.FirstIssuedUs) / 1e6);
    public double OpsPerS => Summary?.OpsPerS ?? (DurationS > 0 ? Math.Round(Data.Ops / DurationS, 1) : 0);
    public double? StatusMatchRate => Summary != null ? Summary.StatusMatchRate
        : Data.Checked == 0 ? null : Math.Round((double)Data.Matched / Data.Checked, 6);
    public double ErrorRate => OpsTotal == 0 ? 0 : (double)OpsFailed / OpsTotal;
}
