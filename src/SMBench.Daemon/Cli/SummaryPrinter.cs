using SMBench.Core.Results;
using Spectre.Console;

namespace SMBench.Daemon.Cli;

/// <summary>The human form of a run summary.</summary>
internal static class SummaryPrinter
{
    public static void Print(RunSummary s, string resultsDir)
    {
        var console = AnsiConsole.Console;
        var notRun = s.OpsNotRun > 0 ? $", {s.OpsNotRun:N0} not run" : "";
        console.MarkupLineInterpolated($"[bold]run {s.RunId}[/] — {s.State}: {s.OpsTotal:N0} ops ({s.OpsOk:N0} ok, {s.OpsFailed:N0} failed{notRun}) by {s.Clients} clients in {s.DurationS:0.###} s = {s.OpsPerS:N0} ops/s");
        if (s.Error != null) console.MarkupLineInterpolated($"[yellow]{s.Error}[/]");
        console.MarkupLineInterpolated($"latency  ms: p50 {s.LatencyMs.P50:0.###}  p99 {s.LatencyMs.P99:0.###}  max {s.LatencyMs.Max:0.###}");
        console.MarkupLineInterpolated($"lateness ms: p50 {s.LatenessMs.P50:0.###}  p99 {s.LatenessMs.P99:0.###}  max {s.LatenessMs.Max:0.###}");
        if (s.StatusMatchRate is { } rate)
            console.MarkupLineInterpolated($"fidelity: {rate:P2} of {s.StatusChecked:N0} ops got the captured status");
        var table = new Table().AddColumn("type").AddColumn(new TableColumn("ok").RightAligned()).AddColumn(new TableColumn("failed").RightAligned());
        foreach (var (type, c) in s.ByType) table.AddRow(type, c.Ok.ToString("N0"), c.Failed.ToString("N0"));
        console.Write(table);
        foreach (var (status, count) in s.ByStatus.Where(kv => !StatusText.IsSuccess(kv.Key)))
            console.MarkupLineInterpolated($"  {status}: {count:N0}");
        console.MarkupLineInterpolated($"results: {resultsDir}");
    }
}
