using System.CommandLine;

namespace SMBench.Daemon.Cli;

/// <summary>The <c>smbench</c> command line: one command per file, wired here.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("SMBench: capture SMB2/SMB3 workloads and replay them against a lab server.");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(CompileCommand.Create());
        root.Subcommands.Add(ProvisionCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"smbench: {error.Message}");
            Console.Error.WriteLine("Run 'smbench --help' (or 'smbench <command> --help') for usage.");
            return ExitCodes.Usage;
        }
        using var cts = new CancellationTokenSource();
        // First Ctrl-C stops the run gracefully (results are kept); a second one kills the process.
        Console.CancelKeyPress += (_, e) =>
        {
            if (cts.IsCancellationRequested) return;
            e.Cancel = true;
            Console.Error.WriteLine("smbench: stopping (press Ctrl-C again to abort)…");
            cts.Cancel();
        };
        return await parse.InvokeAsync(new InvocationConfiguration(), cts.Token);
    }
}
