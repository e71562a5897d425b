using System.CommandLine;
using System.Diagnostics;
using SMBench.Daemon.Reports;

namespace SMBench.Daemon.Cli;

/// <summary><c>smbench report &lt;results-dir&gt; -o report.html</c>: one run as a self-contained HTML page.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var results = new Argument<string>("results-dir") { Description = "Results directory of a run (holds ops.jsonl, summary.json, run.json)" };
        var output = new Option<string>("--output", "-o") { Description = "HTML file to write", DefaultValueFactory = _ => "report.html" };
        var command = new Command("report", "Render a run's results as one self-contained HTML report (charts inline, no network).") { results, output };
        command.SetAction((parse, ct) =>
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var report = ReportRenderer.WriteReport(parse.GetRequiredValue(results), parse.GetRequiredValue(output), ct);
                Console.Error.WriteLine($"smbench: wrote {parse.GetRequiredValue(output)} ({report.Data.Ops:N0} records in {watch.Elapsed.TotalSeconds:0.0} s)");
                return Task.FromResult(ExitCodes.Ok);
            }
            catch (ReportException e)
            {
                Console.Error.WriteLine($"smbench: {e.Message}");
                return Task.FromResult(ExitCodes.Usage);
            }
        });
        return command;
    }
}
