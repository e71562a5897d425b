using System.Text.Json;

namespace SMBench.Daemon.Ctl;

/// <summary>
/// Runs one <c>palette command [args]</c> against the daemon. The command must be one the daemon lists under
/// <c>GET /api/cmd/palettes</c>; commands this ctl has no renderer for still run, printing the daemon's JSON.
/// </summary>
public sealed class CtlRunner(CtlClient client, CtlOutput output)
{
    public CtlClient Client => client;
    public CtlOutput Output { get; } = output;

    public async Task<int> ExecuteAsync(IReadOnlyList<string> commandLine, CancellationToken ct)
    {
        // "--json" anywhere on the line (the interactive prompt allows it per command).
        var words = commandLine.Where(w => w != "--json").ToList();
        var output = words.Count < commandLine.Count && !Output.Json ? new CtlOutput(true, Output.Writer) : Output;
        if (words.Count == 0 || words[0] is "help" or "?") return await HelpAsync(words.Skip(1).FirstOrDefault(), ct).ConfigureAwait(false);
        var palettes = await client.PalettesAsync(ct).ConfigureAwait(false);
        var palette = palettes.FirstOrDefault(p => p.Name == words[0])
            ?? throw new CtlException(2, $"unknown palette '{words[0]}' (the daemon offers: {string.Join(", ", palettes.Select(p => p.Name))})");
        if (words.Count < 2)
            throw new CtlException(2, $"{palette.Name}: which command? {string.Join(", ", palette.Commands.Select(c => c.Name))}");
        var command = palette.Commands.FirstOrDefault(c => c.Name == words[1])
            ?? throw new CtlException(2, $"unknown command '{palette.Name} {words[1]}' (try: {string.Join(", ", palette.Commands.Select(c => c.Name))})");
        var args = new CtlArgs(words.Skip(2), "wait", "upload");
        var code = palette.Name switch
        {
            "run" => await RunPalette.ExecuteAsync(client, output, command.Name, args, ct).ConfigureAwait(false),
            "cluster" => await ClusterPalette.ExecuteAsync(client, output, command.Name, args, ct).ConfigureAwait(false),
            "actor" => await ActorPalette.ExecuteAsync(client, output, command.Name, args, ct).ConfigureAwait(false),
            "log" => await LogPalette.ExecuteAsync(client, output, command.Name, args, ct).ConfigureAwait(false),
            _ => -1,
        };
        return code >= 0 ? code : await GenericAsync(output, command, args, ct).ConfigureAwait(false);
    }

    /// <summary>A command only the daemon knows: call its endpoint ({id} from the first argument) and print the JSON.</summary>
    private async Task<int> GenericAsync(CtlOutput output, PaletteCommand command, CtlArgs args, CancellationToken ct)
    {
        var path = command.Path.Contains("{id}", StringComparison.Ordinal)
            ? command.Path.Replace("{id}", Uri.EscapeDataString(args.Required(0, "id")), StringComparison.Ordinal)
            : command.Path;
        var json = command.Method == "POST"
            ? await client.PostAsync(path, null, ct).ConfigureAwait(false)
            : await client.GetAsync(path, ct).ConfigureAwait(false);
        output.WriteJson(json);
        return 0;
    }

    public async Task<int> HelpAsync(string? paletteName, CancellationToken ct)
    {
        var palettes = await client.PalettesAsync(ct).ConfigureAwait(false);
        var output = Output;
        if (output.Json)
        {
            output.Line(JsonSerializer.Serialize(palettes, CtlJson.Options));
            return 0;
        }
        foreach (var p in palettes.Where(p => paletteName == null || p.Name == paletteName))
        {
            output.Line($"{p.Name} — {p.Description}");
            foreach (var c in p.Commands)
                output.Line($"  {c.Usage}{(c.Streaming ? "   (streams until Ctrl-C)" : "")}\n      {c.Description}");
        }
        if (paletteName == null) output.Line("Every command accepts --json. Daemon: " + client.BaseUrl);
        return 0;
    }
}
