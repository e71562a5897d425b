using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Configuration;
using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Smb;
using SMBench.Actors.Clients;
using SMBench.Core.Credentials;
using SMBench.Core.Results;
using SMBench.Streams.Runs;

namespace SMBench.Bench.Replay;

/// <summary>
/// SMB replay against a private local smbd at time scale 0: ops/s, latency and lateness percentiles, client CPU and
/// RSS, break-to-ack latency percentiles; then smbtorture's smb2.bench tests against the same smbd for comparison.
/// Usage: replay-smb [clients=1000] [blocks=8] [mode=full] [torture-seconds=20] [neighbour-every=2] [shared-connections=0]
/// </summary>
public sealed class ReplaySmbHarness : IBenchHarness
{
    public string Name => "replay-smb";
    public string Description => "SMB replay of N concurrent clients against a local smbd (time scale 0) vs smbtorture smb2.bench";

    public async Task<int> RunAsync(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var blocks = args.Length > 1 ? int.Parse(args[1]) : 8;
        var mode = args.Length > 2 ? Enum.Parse<ReplayMode>(args[2], ignoreCase: true) : ReplayMode.Full;
        var tortureSeconds = args.Length > 3 ? int.Parse(args[3]) : 20;
        var neighbourEvery = args.Length > 4 ? int.Parse(args[4]) : 2;
        // 0: one connection per client (smbd forks a process for each); N: --connections shared:N.
        var shared = args.Length > 5 ? int.Parse(args[5]) : 0;
        var work = Path.Combine(Path.GetTempPath(), $"smbench-bench-replay-smb-{clients}");
        var workload = ReplaySmbWorkload.Create(Path.Combine(work, "workload"), clients, blocks, neighbourEvery);
        await using var smbd = await BenchSmbd.StartAsync();
        var root = "bench";
        foreach (var dir in new[] { root, $"{root}/files" })
        {
            var path = Path.Combine(smbd.SharePath, dir);
            Directory.CreateDirectory(path);
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }
        Console.WriteLine($"workload: {clients} clients, {blocks} x 4 KiB writes + reads each, mode {mode}, 1 in {neighbourEvery} clients also holds its neighbour's file open, " +
                          $"connections {(shared == 0 ? "per client" : $"shared:{shared}")}; smbd on 127.0.0.1:{smbd.Port}");

        var ackLatencies = new List<double>();
        var ackSendLatencies = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OplockActor.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            var list = instrument.Name == OplockActor.AckSendLatency.Name ? ackSendLatencies : ackLatencies;
            lock (list) list.Add(value);
        });
        listener.Start();

        var backend = new SmbBackend(new SmbTarget("127.0.0.1", smbd.Port, BenchSmbd.Share, root),
            _ => new Credential(null, BenchSmbd.User, BenchSmbd.Password), mode, null, sharedConnections: shared);
        var system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.log-dead-letters = off"));
        var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var gcPauseBefore = GC.GetTotalPauseDuration();
        var gcCountsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var wall = Stopwatch.StartNew();
        var request = new ReplayRequest
        {
            WorkloadPath = workload, Backend = backend, ResultsDir = Path.Combine(work, "results"), Mode = mode, TimeScale = 0,
        };
        var finished = await ReplayRunner.RunAsync(system, request);
        wall.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var serverRss = await Task.Run(smbd.ServerRssMiB);
        await system.Terminate();
        await backend.DisposeAsync();
        listener.Dispose();

        var s = finished.Summary;
        Console.WriteLine();
        Console.WriteLine($"state {s.State}{(finished.Error != null ? " (" + finished.Error + ")" : "")}");
        Console.WriteLine($"| clients | ops | ok | failed | ops/s | latency p50/p90/p99/max ms | lateness p50/p99 ms | wall s | client CPU s | client peak RSS MiB | smbd RSS MiB (end) |");
        Console.WriteLine($"|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {s.Clients} | {s.OpsTotal} | {s.OpsOk} | {s.OpsFailed} | {s.OpsPerS:F0} | " +
                          $"{s.LatencyMs.P50:F2}/{s.LatencyMs.P90:F2}/{s.LatencyMs.P99:F2}/{s.LatencyMs.Max:F1} | " +
                          $"{s.LatenessMs.P50:F1}/{s.LatenessMs.P99:F1} | {wall.Elapsed.TotalSeconds:F1} | {cpu.TotalSeconds:F1} | " +
                          $"{self.PeakWorkingSet64 / 1048576.0:F0} | {serverRss:F0} |");
        foreach (var (status, count) in s.ByStatus) Console.WriteLine($"  status {status}: {count}");
        double[] sorted, sent;
        lock (ackLatencies) sorted = [.. ackLatencies.Order()];
        lock (ackSendLatencies) sent = [.. ackSendLatencies.Order()];
        Console.WriteLine($"breaks: received {s.Breaks.Received}, acked {s.Breaks.Acked}, mean {s.Breaks.MeanAckLatencyMs:F3} ms");
        Console.WriteLine($"  break arrival -> ack sent ({sent.Length}): p50 {Percentile(sent, 0.50):F3} ms, p99 {Percentile(sent, 0.99):F3} ms, " +
                          $"max {(sent.Length > 0 ? sent[^1] : 0):F3} ms");
        Console.WriteLine($"  break arrival -> server's reply to the ack ({sorted.Length}): p50 {Percentile(sorted, 0.50):F3} ms, " +
                          $"p99 {Percentile(sorted, 0.99):F3} ms, max {(sorted.Length > 0 ? sorted[^1] : 0):F3} ms");
        Console.WriteLine($"reconnects: {s.Reconnects}");
        // Every thread stops during a blocking collection, the read loop that would write an ack included.
        Console.WriteLine($"client GC: {(GC.GetTotalPauseDuration() - gcPauseBefore).TotalMilliseconds:F0} ms paused in " +
                          $"{GC.CollectionCount(0) - gcCountsBefore.Item1} gen0 / {GC.CollectionCount(1) - gcCountsBefore.Item2} gen1 / " +
                          $"{GC.CollectionCount(2) - gcCountsBefore.Item3} gen2 collections; last pause " +
                          $"{GC.GetGCMemoryInfo(GCKind.Any).PauseDurations[0].TotalMilliseconds:F1} ms");

        if (tortureSeconds > 0) await Task.Run(() => RunSmbtorture(smbd, tortureSeconds, clients));
        return s.State == "completed" ? 0 : 1;
    }

    private static void RunSmbtorture(BenchSmbd smbd, int seconds, int clients)
    {
        if (BenchSmbd.Run("bash", "-c \"command -v smbtorture\"").Code != 0)
        {
            Console.WriteLine("smbtorture not installed: no comparison");
            return;
        }
        // Same smbd, same loopback: smbtorture's own SMB2 bench loops for the comparison row.
        foreach (var test in new[] { "smb2.bench.path-contention-shared", "smb2.bench.oplock1", "smb2.bench.echo" })
        {
            var args = $"//127.0.0.1/{BenchSmbd.Share} -p {smbd.Port} -U {BenchSmbd.User}%{BenchSmbd.Password} " +
                       $"--option=torture:timelimit={seconds} --option=torture:nprocs={Math.Min(clients, 100)} " +
                       $"--option=torture:qdepth=1 {test}";
            var (code, output) = BenchSmbd.Run("smbtorture", args, timeoutMs: (seconds + 120) * 1000);
            Console.WriteLine($"\nsmbtorture {test} (exit {code}):");
            // Progress lines are separated by carriage returns; the last one is the steady rate.
            var lines = output.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
            var rates = lines.SelectMany(l => l.Split("ops/second", StringSplitOptions.RemoveEmptyEntries))
                .Select(t => double.TryParse(t.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
                .Where(v => v != null).ToList();
            if (rates.Count > 0) Console.WriteLine($"  last reported rate: {rates[^1]:F0} ops/s");
            foreach (var line in lines.Where(l => !l.Contains("ops/second", StringComparison.Ordinal)).TakeLast(12))
                Console.WriteLine("  " + line);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
