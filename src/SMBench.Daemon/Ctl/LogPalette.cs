using System.Text.Json;

namespace SMBench.Daemon.Ctl;

/// <summary><c>log peek [-n N]</c> (once) and <c>log tail [-n N]</c> (then streams until Ctrl-C).</summary>
internal static class LogPalette
{
    public static async Task<int> ExecuteAsync(CtlClient client, CtlOutput output, string command, CtlArgs args, CancellationToken ct)
    {
        args.OnlyKnown("n", "lines");
        var lines = args.Int(command == "tail" ? 20 : 50, "n", "lines");
        switch (command)
        {
            case "peek":
                var json = await client.GetAsync($"/api/logs?tail={lines}", ct).ConfigureAwait(false);
                if (output.Json) output.WriteJson(json);
                else
                    foreach (var e in json.GetProperty("entries").EnumerateArray()) output.Line(Format(e));
                return 0;
            case "tail":
                try
                {
                    await foreach (var data in client.StreamEventsAsync($"/api/logs?follow=true&tail={lines}", ct).ConfigureAwait(false))
                    {
                        if (output.Json) output.Line(data);
                        else
                        {
                            using var doc = JsonDocument.Parse(data);
                            output.Line(Format(doc.RootElement));
                        }
                        await output.Writer.FlushAsync(ct).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C: the normal end of a tail.
                }
                catch (IOException) when (ct.IsCancellationRequested)
                {
                    // The connection was torn down by the cancellation.
                }
                return 0;
            default:
                return -1;
        }
    }

    private static string Format(JsonElement e)
    {
        var exception = CtlOutput.Text(e, "exception");
        return $"{CtlOutput.Text(e, "time")} {CtlOutput.Text(e, "level"),-5} {CtlOutput.Text(e, "category")}: {CtlOutput.Text(e, "message")}" +
               (exception == "-" ? "" : $" | {exception}");
    }
}
