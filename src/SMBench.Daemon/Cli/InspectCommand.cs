using System.CommandLine;
using System.Text.Json;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using Spectre.Console;

namespace SMBench.Daemon.Cli;

/// <summary><c>smbench inspect &lt;workload&gt; [--json]</c>: what a workload holds.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var workload = new Argument<string>("workload") { Description = "Workload directory or workload.json/.jsonl" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var command = new Command("inspect", "Show clients, op counts per type, duration and SMB extensions of a workload.") { workload, json };
        command.SetAction(parse =>
        {
            var report = new WorkloadValidator().Validate(parse.GetRequiredValue(workload));
            if (!report.IsValid)
            {
                foreach (var error in report.Errors) Console.Error.WriteLine(error.Message);
                return ExitCodes.Usage;
            }
            var header = WorkloadReader.Open(parse.GetRequiredValue(workload)).Header;
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["workload"] = report.File,
                    ["version"] = header.Version,
                    ["source"] = header.Metadata.Source,
                    ["clients"] = report.Clients,
                    ["ops_total"] = report.OpsTotal,
                    ["duration_s"] = report.DurationSeconds,
                    ["by_type"] = report.ByType,
                    ["ops_with_smb_extensions"] = report.OpsWithSmbExtensions,
                    ["ops_with_expected_status"] = report.OpsWithExpectedStatus,
                }, new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("type").AddColumn(new TableColumn("ops").RightAligned());
            foreach (var (type, count) in report.ByType) table.AddRow(type, count.ToString("N0"));
            AnsiConsole.MarkupLineInterpolated($"[bold]{report.File}[/]  version {header.Version}  source: {header.Metadata.Source ?? "-"}");
            AnsiConsole.MarkupLineInterpolated($"{report.Clients} clients, {report.OpsTotal:N0} ops over {report.DurationSeconds:0.###} s; {report.OpsWithSmbExtensions:N0} with SMB extensions, {report.OpsWithExpectedStatus:N0} with an expected status");
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
