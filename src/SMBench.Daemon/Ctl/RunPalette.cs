using System.Text.Json;
using Spectre.Console;

namespace SMBench.Daemon.Ctl;

/// <summary><c>run start|list|status|stop|watch</c>.</summary>
internal static class RunPalette
{
    public static async Task<int> ExecuteAsync(CtlClient client, CtlOutput output, string command, CtlArgs args, CancellationToken ct)
    {
        switch (command)
        {
            case "start": return await StartAsync(client, output, args, ct).ConfigureAwait(false);
            case "list":
            {
                args.OnlyKnown();
                var json = await client.GetAsync("/api/runs", ct).ConfigureAwait(false);
                if (output.Json) output.WriteJson(json);
                else PrintList(output, json.GetProperty("runs"));
                return 0;
            }
            case "status":
            {
                args.OnlyKnown();
                var run = await client.GetAsync($"/api/runs/{Id(args)}", ct).ConfigureAwait(false);
                if (output.Json) output.WriteJson(run);
                else PrintStatus(output, run);
                return 0;
            }
            case "stop":
            {
                args.OnlyKnown();
                var answer = await client.PostAsync($"/api/runs/{Id(args)}/stop", null, ct).ConfigureAwait(false);
                if (output.Json) output.WriteJson(answer);
                else output.Line($"run {CtlOutput.Text(answer, "id")}: stop requested (state {CtlOutput.Text(answer, "state")}); `run watch` follows it to the end");
                return 0;
            }
            case "watch":
                args.OnlyKnown("interval");
                return await WatchAsync(client, output, Id(args), args, ct).ConfigureAwait(false);
            default: return -1;
        }
    }

    private static string Id(CtlArgs args) => Uri.EscapeDataString(args.Required(0, "run id (see `run list`)"));

    private static async Task<int> StartAsync(CtlClient client, CtlOutput output, CtlArgs args, CancellationToken ct)
    {
        args.OnlyKnown("target", "backend", "mode", "time-scale", "root", "user", "password-env", "credentials", "run-id", "wait",
            "upload", "interval", "max-in-flight", "null-latency-ms", "loop", "duration", "connections");
        var workload = args.Required(0, "workload path (on the daemon host, or a local one with --upload)");
        if (args.Flag("upload")) workload = await WorkloadUpload.UploadAsync(client, workload, output, ct).ConfigureAwait(false);
        // A relative path that exists here is meant from here (the daemon would resolve it from its own directory).
        else if (!Path.IsPathRooted(workload) && (Directory.Exists(workload) || File.Exists(workload))) workload = Path.GetFullPath(workload);
        var body = new Dictionary<string, object?> { ["workload"] = workload };
        foreach (var (option, field) in new[]
                 {
                     ("target", "target"), ("backend", "backend"), ("mode", "mode"), ("root", "root"), ("user", "user"),
                     ("password-env", "password_env"), ("credentials", "credentials"), ("run-id", "run_id"), ("duration", "duration"),
                     ("connections", "connections"),
                 })
            if (args.Option(option) is { } v) body[field] = v;
        foreach (var (option, field) in new[] { ("time-scale", "time_scale"), ("max-in-flight", "max_in_flight"), ("null-latency-ms", "null_latency_ms"), ("loop", "loop") })
            if (args.Option(option) is { } v)
                body[field] = double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d
                    : throw new CtlException(2, $"--{option} wants a number, not '{v}'");
        var answer = await client.PostAsync("/api/runs", body, ct).ConfigureAwait(false);
        var id = CtlOutput.Text(answer, "id");
        if (!args.Flag("wait"))
        {
            if (output.Json) output.WriteJson(answer);
            else output.Line($"run {id} {CtlOutput.Text(answer, "state")}");
            return 0;
        }
        return await WatchAsync(client, output, id, args, ct).ConfigureAwait(false);
    }

    private static async Task<int> WatchAsync(CtlClient client, CtlOutput output, string id, CtlArgs args, CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(double.TryParse(args.Option("interval"), System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1);
        JsonElement run;
        try
        {
            while (true)
            {
                run = await client.GetAsync($"/api/runs/{id}", ct).ConfigureAwait(false);
                var state = CtlOutput.Text(run, "state");
                if (output.Json) output.WriteJson(run, indented: false);
                else if (state is "completed" or "stopped" or "failed") PrintStatus(output, run);
                else output.Line(ProgressLine(run));
                if (state is "completed" or "stopped" or "failed") return state == "failed" ? 1 : 0;
                await Task.Delay(interval, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            if (!output.Json) output.Line($"stopped watching; run {Uri.UnescapeDataString(id)} goes on (`run stop {Uri.UnescapeDataString(id)}` ends it)");
            return 0;
        }
    }

    private static string ProgressLine(JsonElement run)
    {
        var p = run.GetProperty("progress");
        var total = CtlOutput.Number(p, "total");
        var done = CtlOutput.Number(p, "completed");
        var pct = total > 0 ? $" ({done / total:P1})" : "";
        return $"{DateTime.UtcNow:HH:mm:ss} {CtlOutput.Text(run, "id")} {CtlOutput.Text(run, "state")}: {done:N0}/{total:N0} ops{pct}, " +
               $"{CtlOutput.Number(p, "failed"):N0} failed, {CtlOutput.Number(p, "released") - done:N0} in flight, {CtlOutput.Number(p, "elapsed_s"):0.0} s";
    }

    private static void PrintList(CtlOutput output, JsonElement runs)
    {
        var table = new Table().AddColumns("id", "state", "backend", "mode", "workload")
            .AddColumn(new TableColumn("ops").RightAligned()).AddColumn(new TableColumn("failed").RightAligned()).AddColumn("submitted");
        foreach (var r in runs.EnumerateArray())
        {
            var p = r.GetProperty("progress");
            table.AddRow(Markup.Escape(CtlOutput.Text(r, "id")), CtlOutput.Text(r, "state"), CtlOutput.Text(r, "backend"), CtlOutput.Text(r, "mode"),
                Markup.Escape(Path.GetFileName(CtlOutput.Text(r, "workload").TrimEnd('/'))), $"{CtlOutput.Number(p, "completed"):N0}",
                $"{CtlOutput.Number(p, "failed"):N0}", Markup.Escape(CtlOutput.Text(r, "submitted_at")));
        }
        output.Console.Write(table);
        output.Line($"{runs.GetArrayLength()} run(s)");
    }

    private static void PrintStatus(CtlOutput output, JsonElement run)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var field in new[] { "id", "state", "workload", "target", "backend", "mode", "time_scale", "submitted_at", "started_at", "ended_at", "error", "results_dir" })
            grid.AddRow(field, Markup.Escape(CtlOutput.Text(run, field)));
        output.Console.Write(grid);
        output.Line(ProgressLine(run));
        if (!run.TryGetProperty("summary", out var s) || s.ValueKind != JsonValueKind.Object) return;
        var lat = s.GetProperty("latency_ms");
        var late = s.GetProperty("lateness_ms");
        output.Line($"summary: {CtlOutput.Number(s, "ops_total"):N0} ops ({CtlOutput.Number(s, "ops_ok"):N0} ok, {CtlOutput.Number(s, "ops_failed"):N0} failed), " +
                    $"{CtlOutput.Number(s, "ops_per_s"):N0} ops/s over {CtlOutput.Number(s, "duration_s"):0.###} s");
        output.Line($"latency  ms p50 {CtlOutput.Number(lat, "p50"):0.###} p99 {CtlOutput.Number(lat, "p99"):0.###} max {CtlOutput.Number(lat, "max"):0.###}");
        output.Line($"lateness ms p50 {CtlOutput.Number(late, "p50"):0.###} p99 {CtlOutput.Number(late, "p99"):0.###} max {CtlOutput.Number(late, "max"):0.###}");
        var table = new Table().AddColumn("type").AddColumn(new TableColumn("ok").RightAligned()).AddColumn(new TableColumn("failed").RightAligned());
        foreach (var t in s.GetProperty("by_type").EnumerateObject())
            table.AddRow(Markup.Escape(t.Name), $"{CtlOutput.Number(t.Value, "ok"):N0}", $"{CtlOutput.Number(t.Value, "failed"):N0}");
        output.Console.Write(table);
    }
}
