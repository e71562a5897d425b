using System.Diagnostics;
using Akka.Actor;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using SMBench.Core.Ir.Validation;
using SMBench.Core.Results;
using SMBench.Streams.Runs;

namespace SMBench.Bench.Engine;

/// <summary>One measured replay on the null backend, through the real runner or with a substitute pipeline.</summary>
internal static class EngineRun
{
    /// <summary>The bench's actor-system config; SMBENCH_BENCH_AKKA adds HOCON on top (to compare dispatcher settings).</summary>
    public static Akka.Configuration.Config AkkaConfig()
    {
        var extra = Environment.GetEnvironmentVariable("SMBENCH_BENCH_AKKA");
        var config = Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING");
        return string.IsNullOrWhiteSpace(extra) ? config : Akka.Configuration.ConfigurationFactory.ParseString(extra).WithFallback(config);
    }

    public sealed record Measured(string Name, RunSummary Summary, double WallSeconds, double CpuSeconds, long PeakWorkingSetMb,
        double GcPauseMs = 0, int Gcs = 0, int Gen2s = 0, string GcPauses = "", long AllocatedBytes = 0);

    public static async Task<Measured> RunAsync(ActorSystem system, string name, string workload, double timeScale,
        Func<ActorSystem, IReplayPipeline>? pipeline = null)
    {
        var results = Path.Combine(Path.GetTempPath(), "smbench-bench-results", Guid.NewGuid().ToString("N"));
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var pause0 = GC.GetTotalPauseDuration();
        using var gcs = new GcPauseRecorder();
        using var allocations = AllocationSampler.StartIfAsked();
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var gc0 = GC.CollectionCount(0);
        var gen20 = GC.CollectionCount(2);
        var sw = Stopwatch.StartNew();
        long peak = 0;
        using var sampler = new Timer(_ =>
        {
            proc.Refresh();
            peak = Math.Max(peak, proc.WorkingSet64);
        }, null, 0, 200);
        RunSummary summary;
        if (pipeline == null)
        {
            var request = new ReplayRequest
            {
                WorkloadPath = workload, Backend = new NullBackend(), ResultsDir = results, TimeScale = timeScale,
            };
            summary = (await ReplayRunner.RunAsync(system, request)).Summary;
        }
        else
        {
            var report = new WorkloadValidator().Validate(workload);
            var plan = new RunPlan
            {
                RunId = name, ClientIds = report.ClientIds, Backend = new NullBackend(), Pipeline = pipeline(system),
                ResultsDir = results,
            };
            var coordinator = system.ActorOf(ReplayCoordinator.Props());
            var finished = await coordinator.Ask<ReplayCoordinatorProtocol.RunFinished>(
                new ReplayCoordinatorProtocol.StartRun(plan), Timeout.InfiniteTimeSpan);
            summary = finished.Summary;
        }
        sw.Stop();
        allocations?.Print(name);
        proc.Refresh();
        var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        try { Directory.Delete(results, true); } catch (IOException) { }
        return new Measured(name, summary, sw.Elapsed.TotalSeconds, cpu, peak / (1024 * 1024),
            (GC.GetTotalPauseDuration() - pause0).TotalMilliseconds, GC.CollectionCount(0) - gc0, GC.CollectionCount(2) - gen20,
            GcPauseRecorder.Describe(gcs.Pauses), GC.GetTotalAllocatedBytes(precise: true) - alloc0);
    }

    public static void PrintTable(IEnumerable<Measured> rows)
    {
        Console.WriteLine($"| {"run",-34} | {"ops",9} | {"ops/s",10} | {"late p50 ms",11} | {"late p99 ms",11} | {"late max ms",11} | {"lat p99 ms",10} | {"cpu s",6} | {"peak WS MB",10} | {"GCs (gen2)",10} | {"GC pause ms",11} |");
        Console.WriteLine($"|{new string('-', 36)}|{new string('-', 11)}|{new string('-', 12)}|{new string('-', 13)}|{new string('-', 13)}|{new string('-', 13)}|{new string('-', 12)}|{new string('-', 8)}|{new string('-', 12)}|{new string('-', 12)}|{new string('-', 13)}|");
        foreach (var r in rows)
        {
            var s = r.Summary;
            Console.WriteLine($"| {r.Name,-34} | {s.OpsTotal,9} | {s.OpsPerS,10:N0} | {s.LatenessMs.P50,11:0.000} | {s.LatenessMs.P99,11:0.000} | {s.LatenessMs.Max,11:0.0} | {s.LatencyMs.P99,10:0.000} | {r.CpuSeconds,6:0.0} | {r.PeakWorkingSetMb,10} | {$"{r.Gcs} ({r.Gen2s})",10} | {r.GcPauseMs,11:0} |");
        }
        foreach (var r in rows)
            Console.WriteLine($"{r.Name}: allocated {r.AllocatedBytes / Math.Max(1, r.Summary.OpsTotal):N0} B/op (validation included); GC pauses: {r.GcPauses}");
    }
}
