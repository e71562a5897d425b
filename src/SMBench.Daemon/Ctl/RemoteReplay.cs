using System.Text.Json;
using SMBench.Core.Results;
using SMBench.Daemon.Cli;

namespace SMBench.Daemon.Ctl;

/// <summary>
/// <c>smbench replay … --daemon URL</c>: the same replay, submitted to a daemon and followed to its end, with the
/// same output and exit codes as an in-process replay. Ctrl-C stops the run on the daemon (results are kept).
/// </summary>
internal static class RemoteReplay
{
    public static async Task<int> RunAsync(ReplayCliOptions o, string daemonUrl, CancellationToken ct)
    {
        try
        {
            using var client = new CtlClient(daemonUrl, Environment.GetEnvironmentVariable("SMBENCH_API_TOKEN"));
            if (o.Results != null) await Console.Error.WriteLineAsync("smbench: --results is ignored with --daemon; results stay in the daemon's data dir");
            var body = new Dictionary<string, object?>
            {
                // Paths are resolved here, so a daemon on this host finds what the user meant.
                ["workload"] = Path.GetFullPath(o.Workload),
                ["target"] = o.Target == null ? null : o.Target.Contains("://", StringComparison.Ordinal) ? o.Target : $"file://{Path.GetFullPath(o.Target)}",
                ["backend"] = o.Backend, ["mode"] = o.Mode, ["time_scale"] = o.TimeScale, ["root"] = o.Root, ["run_id"] = o.RunId,
                ["max_in_flight"] = o.MaxInFlight, ["null_latency_ms"] = o.NullLatencyMs,
            };
            if (o.Loop != 1) body["loop"] = o.Loop;
            if (o.Duration != null) body["duration"] = o.Duration;
            if (o.Connections != null) body["connections"] = o.Connections;
            var answer = await client.PostAsync("/api/runs", body, CancellationToken.None).ConfigureAwait(false);
            var id = answer.GetProperty("id").GetString()!;
            if (!o.Json) await Console.Error.WriteLineAsync($"smbench: run {id} submitted to {client.BaseUrl}");
            var run = await FollowAsync(client, id, o.Json, ct).ConfigureAwait(false);
            if (!run.TryGetProperty("summary", out var s) || s.ValueKind != JsonValueKind.Object)
            {
                await Console.Error.WriteLineAsync($"smbench: run {id} {run.GetProperty("state").GetString()}: {CtlOutput.Text(run, "error")}");
                return ExitCodes.RunFailures;
            }
            var summary = RunSummary.FromJson(s.GetRawText());
            if (o.Json) Console.WriteLine(summary.ToJson());
            else SummaryPrinter.Print(summary, CtlOutput.Text(run, "results_dir"));
            var failedShare = summary.OpsTotal == 0 ? 0 : (double)summary.OpsFailed / summary.OpsTotal;
            return failedShare > o.MaxErrorRate || summary.State == "failed" ? ExitCodes.RunFailures : ExitCodes.Ok;
        }
        catch (CtlException e)
        {
            await Console.Error.WriteLineAsync($"smbench: {e.Message}");
            return e.ExitCode;
        }
    }

    private static async Task<JsonElement> FollowAsync(CtlClient client, string id, bool quiet, CancellationToken ct)
    {
        var stopSent = false;
        var lastLine = DateTime.MinValue;
        while (true)
        {
            var run = await client.GetAsync($"/api/runs/{id}", CancellationToken.None).ConfigureAwait(false);
            var state = run.GetProperty("state").GetString();
            if (state is "completed" or "stopped" or "failed") return run;
            if (ct.IsCancellationRequested && !stopSent)
            {
                await client.PostAsync($"/api/runs/{id}/stop", null, CancellationToken.None).ConfigureAwait(false);
                stopSent = true;
            }
            if (!quiet && DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5))
            {
                var p = run.GetProperty("progress");
                await Console.Error.WriteLineAsync($"[{state}] {CtlOutput.Number(p, "completed"):N0}/{CtlOutput.Number(p, "total"):N0} ops, {CtlOutput.Number(p, "failed"):N0} failed");
                lastLine = DateTime.UtcNow;
            }
            try { await Task.Delay(500, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { /* stop is sent on the next round */ }
        }
    }
}
