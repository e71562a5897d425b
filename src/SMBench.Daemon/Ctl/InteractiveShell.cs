namespace SMBench.Daemon.Ctl;

/// <summary>
/// <c>smbench ctl</c> without a command: a <c>smbench&gt;</c> prompt with help and Tab completion of palettes, commands
/// and options (from the daemon's palettes). Streaming commands run until Ctrl-C (or q), which returns to the prompt.
/// With stdin redirected it reads plain lines, so command scripts can be piped in.
/// </summary>
public sealed class InteractiveShell(CtlRunner runner)
{
    public const string Prompt = "smbench> ";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        IReadOnlyList<Palette> palettes;
        try
        {
            palettes = await runner.Client.PalettesAsync(ct).ConfigureAwait(false);
        }
        catch (CtlException e)
        {
            await Console.Error.WriteLineAsync($"smbench: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
        var terminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        runner.Output.Line($"connected to {runner.Client.BaseUrl} — palettes: {string.Join(", ", palettes.Select(p => p.Name))}. " +
                           "'help' lists commands, Tab completes, 'exit' or Ctrl-D leaves.");
        var editor = new LineEditor(before => Completions(palettes, before, () => RunIds(runner.Client)));
        var last = 0;
        if (terminal) Console.TreatControlCAsInput = true;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                string? line;
                if (terminal) line = editor.ReadLine(Prompt);
                else
                {
                    runner.Output.Writer.Write(Prompt);
                    line = await Console.In.ReadLineAsync(ct).ConfigureAwait(false);
                    if (line != null) runner.Output.Line(line);
                }
                if (line == null) break;
                var words = Split(line);
                if (words.Count == 0) continue;
                if (words[0] is "exit" or "quit") break;
                using var commandCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var watcher = terminal ? WatchForInterrupt(commandCts) : Task.CompletedTask;
                try
                {
                    last = await runner.ExecuteAsync(words, commandCts.Token).ConfigureAwait(false);
                }
                catch (CtlException e)
                {
                    runner.Output.Line($"error: {e.Message}");
                    last = e.ExitCode;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    runner.Output.Line("(interrupted)");
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or IOException)
                {
                    // An answer this ctl did not expect (another daemon version?): report it and keep the prompt.
                    runner.Output.Line($"error: unexpected answer from the daemon: {e.Message}");
                    last = 1;
                }
                await commandCts.CancelAsync().ConfigureAwait(false);
                await watcher.ConfigureAwait(false);
            }
        }
        finally
        {
            if (terminal) Console.TreatControlCAsInput = false;
        }
        return last;
    }

    // While a command runs at a terminal, Ctrl-C (read as a key here) or q cancels it instead of ending ctl.
    private static Task WatchForInterrupt(CancellationTokenSource command) => Task.Run(async () =>
    {
        while (!command.IsCancellationRequested)
        {
            if (Console.KeyAvailable)
            {
                var key = Console.ReadKey(intercept: true);
                if ((key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control)) || key.KeyChar == 'q')
                {
                    await command.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            try { await Task.Delay(50, command.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    });

    // Run ids for "run status|stop|watch <Tab>"; a slow or absent daemon just means no suggestions.
    private static IReadOnlyList<string> RunIds(CtlClient client)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var runs = client.GetAsync("/api/runs", cts.Token).GetAwaiter().GetResult();
            return runs.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        }
        catch (Exception e) when (e is CtlException or OperationCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }

    public static IReadOnlyList<string> Completions(IReadOnlyList<Palette> palettes, string before, Func<IReadOnlyList<string>>? runIds = null)
    {
        var words = Split(before);
        var completing = before.EndsWith(' ') ? words.Count : words.Count - 1;
        if (completing <= 0) return [.. palettes.Select(p => p.Name), "help", "exit"];
        var palette = palettes.FirstOrDefault(p => p.Name == words[0]);
        if (words[0] == "help" && completing == 1) return palettes.Select(p => p.Name).ToList();
        if (palette == null) return [];
        if (completing == 1) return palette.Commands.Select(c => c.Name).ToList();
        var command = palette.Commands.FirstOrDefault(c => c.Name == words[1]);
        if (command == null) return [];
        if (completing == 2 && runIds != null && command.Path.Contains("{id}", StringComparison.Ordinal)) return runIds();
        // Options come from the usage line the daemon published ("--mode mvp|realistic|full", "-d N").
        return command.Usage.Split([' ', '[', ']', '|'], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.StartsWith('-')).Append("--json").Distinct().ToList();
    }

    /// <summary>Splits a command line on spaces, keeping "quoted words" together.</summary>
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var quote = '\0';
        foreach (var ch in line)
        {
            if (quote != '\0')
            {
                if (ch == quote) quote = '\0';
                else current.Append(ch);
            }
            else if (ch is '"' or '\'') quote = ch;
            else if (char.IsWhiteSpace(ch))
            {
                if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            }
            else current.Append(ch);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
