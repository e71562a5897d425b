using System.CommandLine;
using SMBench.Daemon.Ctl;

namespace SMBench.Daemon.Cli;

/// <summary>
/// <c>smbench ctl [--daemon URL] [--json] [palette command [args]]</c>: control a running daemon, one-shot or at an
/// interactive <c>smbench&gt;</c> prompt. The token comes from SMBENCH_API_TOKEN.
/// </summary>
internal static class CtlCommand
{
    public static Command Create()
    {
        var daemon = new Option<string?>("--daemon") { Description = $"Daemon URL (default: env SMBENCH_DAEMON, else {CtlClient.DefaultUrl})" };
        var json = new Option<bool>("--json") { Description = "Print the daemon's JSON instead of tables" };
        var words = new Argument<string[]>("command") { Description = "palette command [args], e.g. `run list`, `log tail -n 50`; none starts the prompt", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("ctl", "Control a running smbench daemon: runs, cluster, actors, logs.") { daemon, json, words };
        // Command arguments (-d 3, --mode full) belong to the palette command, not to ctl: keep them in order.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var url = parse.GetValue(daemon) ?? Environment.GetEnvironmentVariable("SMBENCH_DAEMON") ?? CtlClient.DefaultUrl;
            var line = CommandWords(parse, command);
            try
            {
                using var client = new CtlClient(url, Environment.GetEnvironmentVariable("SMBENCH_API_TOKEN"));
                var runner = new CtlRunner(client, new CtlOutput(parse.GetValue(json)));
                if (line.Count == 0) return await new InteractiveShell(runner).RunAsync(ct);
                return await runner.ExecuteAsync(line, ct);
            }
            catch (CtlException e)
            {
                await Console.Error.WriteLineAsync($"smbench: {e.Message}");
                return e.ExitCode;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"smbench: unexpected answer from the daemon at {url}: {e.Message}");
                return ExitCodes.RunFailures;
            }
        });
        return command;
    }

    // The tokens after "ctl", minus ctl's own options, in the order they were typed.
    private static List<string> CommandWords(ParseResult parse, Command ctl)
    {
        var tokens = parse.Tokens.Select(t => t.Value).ToList();
        var start = tokens.IndexOf(ctl.Name) + 1;
        var words = new List<string>();
        for (var i = start; i < tokens.Count; i++)
        {
            if (tokens[i] == "--daemon") { i++; continue; }
            if (tokens[i] == "--json") continue;
            words.Add(tokens[i]);
        }
        return words;
    }
}
