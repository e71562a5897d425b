using System.CommandLine;
using SMBench.Daemon.Reports;

namespace SMBench.Daemon.Cli;

/// <summary><c>smbench compare &lt;results-A&gt; &lt;results-B&gt; -o compare.html</c>: two runs side by side with deltas.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("results-A") { Description = "Results directory of the baseline run" };
        var b = new Argument<string>("results-B") { Description = "Results directory of the run compared against it" };
        var output = new Option<string>("--output", "-o") { Description = "HTML file to write", DefaultValueFactory = _ => "compare.html" };
        var command = new Command("compare", "Compare two runs (same workload, two servers or builds): p99 per op type, error rates, fidelity.") { a, b, output };
        command.SetAction((parse, ct) =>
        {
            try
            {
                var (ra, rb) = CompareRenderer.WriteCompare(parse.GetRequiredValue(a), parse.GetRequiredValue(b), parse.GetRequiredValue(output), ct);
                Console.Error.WriteLine($"smbench: wrote {parse.GetRequiredValue(output)} (A {ra.Data.Ops:N0} records, B {rb.Data.Ops:N0} records)");
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
