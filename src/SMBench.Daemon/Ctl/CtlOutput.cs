using System.Text.Json;
using Spectre.Console;

namespace SMBench.Daemon.Ctl;

/// <summary>Where ctl prints: Spectre tables for people, or the daemon's JSON (one object per line when streaming).</summary>
public sealed class CtlOutput
{
    public CtlOutput(bool json, TextWriter? writer = null)
    {
        Json = json;
        Writer = writer ?? System.Console.Out;
        Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Writer) });
        // Redirected output (scripts, tests) has no terminal width; keep tables on one line each.
        if (System.Console.IsOutputRedirected || writer != null) Console.Profile.Width = 200;
    }

    public bool Json { get; }
    public TextWriter Writer { get; }
    public IAnsiConsole Console { get; }

    public void WriteJson(JsonElement element, bool indented = true)
        => Writer.WriteLine(JsonSerializer.Serialize(element, indented ? CtlJson.Indented : CtlJson.Compact));

    public void Line(string text) => Writer.WriteLine(text);

    public static string Text(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "-",
            _ => v.GetRawText(),
        } : "-";

    public static double Number(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
}
