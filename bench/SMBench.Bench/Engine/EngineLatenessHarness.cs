using Akka.Actor;
using Akka.Configuration;

namespace SMBench.Bench.Engine;

/// <summary>
/// Lateness at a steady aggregate rate on the null backend (default 5,000 clients, 50,000 ops/s, 10 s): the timing
/// stage against the naive Akka-scheduler baseline, in the same process, same workload.
/// Usage: engine-lateness [clients] [ops/s] [seconds]
/// </summary>
public sealed class EngineLatenessHarness : IBenchHarness
{
    public string Name => "engine-lateness";
    public string Description => "p50/p99 lateness at N clients and R ops/s (null backend), timing stage vs Akka scheduler";

    public async Task<int> RunAsync(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0]) : 5_000;
        var rate = args.Length > 1 ? double.Parse(args[1]) : 50_000;
        var seconds = args.Length > 2 ? double.Parse(args[2]) : 10;
        var total = (long)(rate * seconds);
        var dir = Path.Combine(Path.GetTempPath(), $"smbench-bench-lateness-{clients}-{rate}-{seconds}");
        Console.WriteLine($"workload: {clients} clients, {total:N0} ops at {rate:N0} ops/s ({dir})");
        var workload = SyntheticWorkload.Create(dir, clients, total, rate);
        using var system = ActorSystem.Create("smbench", EngineRun.AkkaConfig());
        var rows = new List<EngineRun.Measured>
        {
            await EngineRun.RunAsync(system, "timing stage (SMBench)", workload, 1.0),
            await EngineRun.RunAsync(system, "naive Akka scheduler (baseline)", workload, 1.0,
                s => new NaiveSchedulerPipeline(s, workload, 1.0)),
        };
        EngineRun.PrintTable(rows);
        await system.Terminate();
        return 0;
    }
}
