using System.CommandLine;
using SMBench.Core.Ir.Validation;

namespace SMBench.Daemon.Cli;

/// <summary><c>smbench validate &lt;workload&gt;</c>: every problem with file:line and op id; exit 2 when invalid.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var workload = new Argument<string>("workload") { Description = "Workload directory or workload.json/.jsonl" };
        var command = new Command("validate", "Check a workload against the IR rules without running it.") { workload };
        command.SetAction(parse =>
        {
            var report = new WorkloadValidator().Validate(parse.GetRequiredValue(workload));
            if (report.IsValid)
            {
                Console.WriteLine($"{report.File}: valid — {report.OpsTotal} ops, {report.Clients} clients, {report.DurationSeconds:0.###} s");
                return ExitCodes.Ok;
            }
            foreach (var error in report.Errors) Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine($"{report.File}: invalid ({report.Errors.Count} problem(s){(report.Errors.Count >= 50 ? ", stopped at 50" : "")})");
            return ExitCodes.Usage;
        });
        return command;
    }
}
