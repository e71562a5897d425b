using Akka.Actor;
using Akka.Configuration;

namespace SMBench.Bench.Engine;

/// <summary>
/// Engine throughput: ops/s on the null backend with every op due at once (time scale 0).
/// Usage: engine-throughput [clients=10000] [ops=2000000]
/// </summary>
public sealed class EngineThroughputHarness : IBenchHarness
{
    public string Name => "engine-throughput";
    public string Description => "ops/s through reader, timeline, actors and journal on the null backend (time scale 0)";

    public async Task<int> RunAsync(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var total = args.Length > 1 ? long.Parse(args[1]) : 2_000_000;
        var dir = Path.Combine(Path.GetTempPath(), $"smbench-bench-throughput-{clients}-{total}");
        Console.WriteLine($"workload: {clients} clients, {total:N0} ops ({dir})");
        var workload = SyntheticWorkload.Create(dir, clients, total, 0);
        using var system = ActorSystem.Create("smbench", EngineRun.AkkaConfig());
        var rows = new List<EngineRun.Measured>();
        for (var i = 1; i <= 2; i++) rows.Add(await EngineRun.RunAsync(system, $"IR file → null backend, run {i}", workload, 0));
        // The same ops parsed up front: what the engine costs without the streaming IR reader.
        var ops = SMBench.Core.Ir.WorkloadReader.Open(workload).ReadOperations()
            .Select(op => new SMBench.Streams.Timing.ScheduledOp(op, 0)).ToList();
        for (var i = 1; i <= 2; i++)
            rows.Add(await EngineRun.RunAsync(system, $"in-memory ops → null, run {i}", workload, 0,
                s => new SMBench.Streams.ReplayGraph(Akka.Streams.ActorMaterializer.Create(s), () => ops)));
        EngineRun.PrintTable(rows);
        await system.Terminate();
        return 0;
    }
}
