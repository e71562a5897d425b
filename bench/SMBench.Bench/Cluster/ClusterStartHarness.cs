using System.Globalization;
using SMBench.Bench.Engine;
using SMBench.Core.Ir;
using SMBench.Daemon.Cluster;

namespace SMBench.Bench.Cluster;

/// <summary>
/// Cluster replay on one box: N in-process nodes, one run of nodes × clients-per-node clients on the null backend,
/// repeated. Reports the merged ops/s and lateness, and the cross-node start skew: each node's start offset is the
/// lateness of its earliest-due op against the common start instant, the skew of a run is the spread (max − min) of
/// its nodes' offsets.
/// Usage: cluster-start [nodes=3] [clients-per-node=2000] [ops/s=20000] [seconds=3] [runs=10]
/// </summary>
public sealed class ClusterStartHarness : IBenchHarness
{
    public string Name => "cluster-start";
    public string Description => "3 in-process cluster nodes × 2,000 clients (null backend): aggregate ops/s and cross-node start skew";

    public async Task<int> RunAsync(string[] args)
    {
        var nodes = Arg(args, 0, 3);
        var perNode = Arg(args, 1, 2000);
        var rate = Arg(args, 2, 20_000);
        var seconds = Arg(args, 3, 3);
        var runs = Arg(args, 4, 10);
        var clients = nodes * perNode;
        var total = (long)rate * seconds;
        var dir = Path.Combine(Path.GetTempPath(), $"smbench-bench-cluster-{clients}-{total}-{rate}");
        var workload = SyntheticWorkload.Create(dir, clients, total, rate);
        var reader = WorkloadReader.Open(workload);
        var counts = reader.ReadOperations().GroupBy(o => o.ClientId).ToDictionary(g => g.Key, g => (long)g.LongCount());
        var clientOps = reader.Header.Clients.Count > 0
            ? reader.Header.Clients.Select(c => new ClientOps(c.ClientId, counts.GetValueOrDefault(c.ClientId))).ToList()
            : counts.Select(kv => new ClientOps(kv.Key, kv.Value)).ToList();
        Console.WriteLine($"workload: {clientOps.Count} clients, {total:N0} ops at {rate:N0} ops/s ({dir}); {nodes} nodes, {runs} runs");

        await using var cluster = await BenchCluster.StartAsync(nodes);
        var digest = WorkloadBundles.Digest(workload);
        var skews = new List<double>();
        var opsPerS = new List<double>();
        Console.WriteLine("| run | ops | ops/s | lateness p50 ms | lateness p99 ms | clients per node | node start offsets ms | skew ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---|---|---:|");
        for (var i = 1; i <= runs; i++)
        {
            var spec = new ClusterRunSpec
            {
                RunId = $"bench-{DateTime.UtcNow:HHmmss}-{i}", WorkloadPath = workload, WorkloadDigest = digest, Origin = cluster.Nodes[1 % nodes].Address,
                Backend = "null", TimeScale = 1, SubmittedAt = DateTimeOffset.UtcNow, Clients = clientOps, MaxInFlight = 4,
            };
            var run = await cluster.WaitEndedAsync(await cluster.SubmitAsync(spec));
            var parts = run.Nodes.Values.ToList();
            var offsets = parts.Select(p => (p.FirstOpLatenessUs ?? 0) / 1000.0).ToList();
            var skew = offsets.Max() - offsets.Min();
            skews.Add(skew);
            opsPerS.Add(run.Summary!.OpsPerS);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {i} | {run.Summary.OpsTotal:N0} | {run.Summary.OpsPerS:N0} | {run.Summary.LatenessMs.P50:0.###} | {run.Summary.LatenessMs.P99:0.###} | " +
                $"{string.Join(" / ", parts.Select(p => p.Clients.Count))} | {string.Join(" / ", offsets.Select(o => o.ToString("0.###", CultureInfo.InvariantCulture)))} | {skew:0.###} |"));
            if (run.State != ClusterRunStates.Completed) Console.WriteLine($"  run {i} ended {run.State}: {run.Error}");
        }
        skews.Sort();
        opsPerS.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start skew over {runs} runs: p50 {Percentile(skews, 50):0.###} ms, p99 {Percentile(skews, 99):0.###} ms, max {skews[^1]:0.###} ms; " +
            $"aggregate ops/s median {Percentile(opsPerS, 50):N0}"));
        return 0;
    }

    private static double Percentile(List<double> sorted, double p)
        => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Arg(string[] args, int index, int fallback)
        => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
