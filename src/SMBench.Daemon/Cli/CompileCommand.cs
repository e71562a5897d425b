using System.CommandLine;
using System.Text.Json;
using SMBench.Compiler;
using Spectre.Console;

namespace SMBench.Daemon.Cli;

/// <summary><c>smbench compile</c>: a capture (pcap/pcapng) or dbench loadfile to a workload directory.</summary>
internal static class CompileCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "capture.pcap | capture.pcapng | loadfile.txt" };
        var output = new Option<string>("--output", "-o") { Description = "Workload directory to write", Required = true };
        var payload = new Option<string>("--payload") { Description = "keep (captured bytes to blobs/) | synthetic (same lengths, filler)", DefaultValueFactory = _ => "keep" };
        payload.AcceptOnlyFromAmong("keep", "synthetic");
        var ports = new Option<int[]>("--port") { Description = "TCP port always treated as SMB (repeatable; SMB is also found by content)", AllowMultipleArgumentsPerToken = false };
        var clientBy = new Option<string>("--client-by") { Description = "address-user | connection | session", DefaultValueFactory = _ => "address-user" };
        clientBy.AcceptOnlyFromAmong("address-user", "connection", "session");
        var anonymize = new Option<bool>("--anonymize") { Description = "Replace paths, user names and addresses by keyed HMACs" };
        var keyEnv = new Option<string>("--anonymize-key-env") { Description = "Environment variable with the anonymisation key", DefaultValueFactory = _ => "SMBENCH_ANONYMIZE_KEY" };
        var sessionKeys = new Option<string[]>("--session-key") { Description = "SESSIONID:HEXKEY to decrypt SMB3 traffic (repeatable)" };
        var json = new Option<bool>("--json") { Description = "Print the compile report as one JSON object on stdout" };
        var command = new Command("compile", "Compile a capture of SMB2/3 clients (or a dbench loadfile) into a workload.")
        {
            input, output, payload, ports, clientBy, anonymize, keyEnv, sessionKeys, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new CompileOptions
            {
                InputPath = parse.GetRequiredValue(input),
                OutputDirectory = parse.GetRequiredValue(output),
                Payload = parse.GetValue(payload) == "synthetic" ? PayloadMode.Synthetic : PayloadMode.Keep,
                Ports = parse.GetValue(ports) ?? [],
                ClientBy = parse.GetValue(clientBy) switch
                {
                    "connection" => ClientGrouping.Connection,
                    "session" => ClientGrouping.Session,
                    _ => ClientGrouping.AddressUser,
                },
                Anonymize = parse.GetValue(anonymize),
                AnonymizeKeyEnv = parse.GetValue(keyEnv)!,
                SessionKeys = parse.GetValue(sessionKeys) ?? [],
            };
            var quiet = parse.GetValue(json);
            try
            {
                var report = await LiveProgress.RunAsync("compile", quiet, progress =>
                    CaptureCompiler.CompileAsync(options, new CompileProgressAdapter(progress), ct));
                if (quiet)
                {
                    Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
                    return ExitCodes.Ok;
                }
                Print(report);
                return ExitCodes.Ok;
            }
            catch (CompileFailedException e)
            {
                Console.Error.WriteLine($"smbench: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static void Print(CompileReport r)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{r.Workload}[/] from {r.Input} ({r.Format})");
        AnsiConsole.MarkupLineInterpolated($"{r.Connections:N0} connections ({r.SmbConnections:N0} SMB, {r.EncryptedConnections:N0} encrypted), {r.Sessions:N0} sessions, {r.Clients:N0} clients, {r.OpsTotal:N0} ops");
        AnsiConsole.MarkupLineInterpolated($"TCP gaps {r.TcpGaps:N0}, retransmits {r.TcpRetransmits:N0}, breaks {r.Breaks:N0} (acked {r.BreakAcks:N0}), pre-state {r.PrestateFiles:N0} files / {r.PrestateDirectories:N0} folders");
        var table = new Table().AddColumn("op type").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (type, count) in r.ByType.OrderBy(kv => kv.Key, StringComparer.Ordinal)) table.AddRow(type, count.ToString("N0"));
        AnsiConsole.Write(table);
        if (r.Skipped.Count > 0)
        {
            var skipped = new Table().AddColumn("skipped because").AddColumn(new TableColumn("count").RightAligned());
            foreach (var (reason, count) in r.Skipped.OrderByDescending(kv => kv.Value)) skipped.AddRow(Markup.Escape(reason), count.ToString("N0"));
            AnsiConsole.Write(skipped);
        }
        foreach (var warning in r.Warnings) AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
    }
}

/// <summary>Compile progress as a progress step: bytes of capture read, frames, ops.</summary>
internal sealed class CompileProgressAdapter(IProgress<ProgressStep> target) : IProgress<CompileProgress>
{
    public void Report(CompileProgress p) => target.Report(new ProgressStep(p.BytesRead, p.BytesTotal,
        $"{p.BytesRead / 1048576.0:N1}/{p.BytesTotal / 1048576.0:N1} MiB, {p.Frames:N0} frames, {p.Operations:N0} ops"));
}
