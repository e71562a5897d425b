using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HdrHistogram;

namespace SMBench.Bench.Daemon;

/// <summary>
/// HTTP control overhead: a null-backend run of many clients at real time, once alone and once while a client polls
/// <c>GET /api/runs/{id}</c> at a fixed rate; compares the run's lateness percentiles. The daemon is the real
/// smbench executable in its own process, as in production.
/// </summary>
public sealed class HttpControlOverheadHarness : IBenchHarness
{
    private const string Token = "bench-token";

    public string Name => "daemon-http-overhead";
    public string Description => "p99 lateness of a 1,000-client null run with and without 1,000 status requests/s";

    public async Task<int> RunAsync(string[] args)
    {
        var clients = Arg(args, "--clients", 1000);
        var reads = Arg(args, "--reads", 50);
        var spacingMs = Arg(args, "--spacing-ms", 200);
        var rps = Arg(args, "--rps", 1000);
        var rounds = Arg(args, "--rounds", 2);
        var work = Directory.CreateTempSubdirectory("smbench-bench-daemon-").FullName;
        try
        {
            var workload = WriteWorkload(Path.Combine(work, "workload"), clients, reads, spacingMs * 1000L);
            var port = FreePort();
            using var daemon = StartDaemon(port, Path.Combine(work, "data"));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            await WaitHealthy(http, daemon);
            Console.WriteLine($"workload: {clients} clients × {reads + 2} ops, {spacingMs} ms apart ({(reads + 1) * spacingMs / 1000.0:0.#} s at time scale 1), null backend");
            Console.WriteLine($"{"round",-6} {"status load",-12} {"req/s",8} {"req p99 ms",11} {"ops",8} {"lateness p50",13} {"p99",8} {"max",8}");
            for (var round = 1; round <= rounds; round++)
                foreach (var load in new[] { 0, rps })
                {
                    var (summary, achieved, reqP99) = await OneRun(http, workload, load);
                    var late = summary.GetProperty("lateness_ms");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{round,-6} {(load == 0 ? "none" : $"{load}/s"),-12} {achieved,8:0} {reqP99,11:0.00} {summary.GetProperty("ops_total").GetInt64(),8} " +
                        $"{late.GetProperty("p50").GetDouble(),10:0.000} ms {late.GetProperty("p99").GetDouble(),8:0.000} {late.GetProperty("max").GetDouble(),8:0.000}"));
                }
            daemon.Kill(true);
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); }
            catch (IOException) { /* best effort */ }
        }
    }

    private static async Task<(JsonElement Summary, double Rps, double RequestP99Ms)> OneRun(HttpClient http, string workload, int rps)
    {
        using var submit = await http.PostAsJsonAsync("/api/runs", new { workload, backend = "null", time_scale = 1.0 });
        submit.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await submit.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        using var stop = new CancellationTokenSource();
        var latencies = new LongHistogram(60_000_000, 3);
        var load = rps > 0 ? Poll(http, id, rps, latencies, stop.Token) : Task.FromResult(0L);
        var watch = Stopwatch.StartNew();
        JsonElement run;
        while (true)
        {
            await Task.Delay(500);
            using var r = await http.GetAsync($"/api/runs/{id}");
            run = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
            if (run.GetProperty("state").GetString() is "completed" or "stopped" or "failed") break;
        }
        await stop.CancelAsync();
        var sent = await load;
        var seconds = watch.Elapsed.TotalSeconds;
        return (run.GetProperty("summary"), sent / seconds, latencies.TotalCount == 0 ? 0 : latencies.GetValueAtPercentile(99) / 1000.0);
    }

    // Paced open-loop load: every 10 ms, issue rps/100 requests without waiting for earlier ones.
    private static async Task<long> Poll(HttpClient http, string id, int rps, LongHistogram latencies, CancellationToken ct)
    {
        var perTick = Math.Max(1, rps / 100);
        var pending = new List<Task>();
        long sent = 0;
        var clock = Stopwatch.StartNew();
        var tick = 0L;
        while (!ct.IsCancellationRequested)
        {
            for (var i = 0; i < perTick; i++)
            {
                sent++;
                pending.Add(Timed(http, $"/api/runs/{id}", latencies));
            }
            pending.RemoveAll(t => t.IsCompleted);
            tick++;
            var wait = TimeSpan.FromMilliseconds(tick * 10) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, ct); }
                catch (OperationCanceledException) { break; }
            }
        }
        await Task.WhenAll(pending);
        return sent;
    }

    private static async Task Timed(HttpClient http, string path, LongHistogram latencies)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var r = await http.GetAsync(path);
            await r.Content.ReadAsByteArrayAsync();
        }
        catch (HttpRequestException)
        {
            return;
        }
        lock (latencies) latencies.RecordValue((long)Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }

    private static Process StartDaemon(int port, string dataDir)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "smbench.dll"));
        foreach (var a in new[] { "daemon", "--http", $"http://127.0.0.1:{port}", "--data-dir", dataDir }) psi.ArgumentList.Add(a);
        psi.Environment["SMBENCH_API_TOKEN"] = Token;
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task WaitHealthy(HttpClient http, Process daemon)
    {
        for (var i = 0; i < 300; i++)
        {
            if (daemon.HasExited) throw new InvalidOperationException($"the daemon exited with {daemon.ExitCode}");
            try
            {
                using var r = await http.GetAsync("/healthz");
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the daemon did not become healthy");
    }

    private static string WriteWorkload(string dir, int clients, int reads, long spacingUs)
    {
        Directory.CreateDirectory(dir);
        using var w = new StreamWriter(Path.Combine(dir, "workload.jsonl"), false, new UTF8Encoding(false));
        var list = string.Join(",", Enumerable.Range(0, clients).Select(c => $"{{\"client_id\":\"c{c:D5}\",\"operation_count\":{reads + 2}}}"));
        w.WriteLine($"{{\"version\":1,\"metadata\":{{\"source\":\"bench\",\"client_count\":{clients}}},\"clients\":[{list}]}}");
        var n = 0;
        for (var step = 0; step < reads + 2; step++)
            for (var c = 0; c < clients; c++)
            {
                // Clients are spread over the spacing so releases are not one burst per step.
                var ts = step * spacingUs + c * spacingUs / clients;
                var head = $"\"op_id\":\"o{++n:D9}\",\"client_id\":\"c{c:D5}\",\"timestamp_us\":{ts}";
                w.WriteLine(step == 0 ? $"{{{head},\"type\":\"open\",\"path\":\"f{c}.bin\",\"mode\":\"read\",\"handle_ref\":\"h\"}}"
                    : step == reads + 1 ? $"{{{head},\"type\":\"close\",\"handle_ref\":\"h\"}}"
                    : $"{{{head},\"type\":\"read\",\"handle_ref\":\"h\",\"offset\":0,\"length\":4096}}");
            }
        return dir;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
