using Akka.Actor;
using SMBench.Core.Ir;
using SMBench.Daemon.Cluster;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>
/// One run spread over three in-process cluster nodes (null backend, every message checked by serialize-messages):
/// weighted assignment, one start instant on every node, merged results, and the loss of a node mid-run.
/// </summary>
public sealed class ClusterRunSpecs
{
    private static ClusterRunSpec Spec(string runId, string workload, string origin, double timeScale = 1)
    {
        var reader = WorkloadReader.Open(workload);
        var counts = reader.ReadOperations().GroupBy(o => o.ClientId).ToDictionary(g => g.Key, g => (long)g.Count());
        return new ClusterRunSpec
        {
            RunId = runId, WorkloadPath = workload, WorkloadDigest = WorkloadBundles.Digest(workload), Origin = origin,
            Backend = "null", TimeScale = timeScale, SubmittedAt = DateTimeOffset.UtcNow,
            Clients = reader.Header.Clients.Select(c => new ClientOps(c.ClientId, counts[c.ClientId])).ToList(),
        };
    }

    [Fact]
    public async Task A_run_is_split_by_capacity_starts_at_one_instant_and_its_results_merge()
    {
        await using var cluster = await InProcessCluster.StartAsync(1, 1, 2);
        var workload = GeneratedWorkload.Write(cluster.WorkloadDir("w"), clients: 40, reads: 10, spacingUs: 10_000);
        var n = cluster.Nodes;
        var spec = Spec("spread", workload, n[1].Address);
        var id = await InProcessCluster.SubmitAsync(n[1], spec); // through node 2
        var run = await InProcessCluster.WaitRunAsync(n[2], id, r => r.IsTerminal, "run ended");

        Assert.Equal(ClusterRunStates.Completed, run.State);
        // Assignment: exactly what weighted rendezvous hashing gives for these members and capacities.
        var expected = ClientAssignment.Assign(spec.Clients.Select(c => c.ClientId),
            n.ToDictionary(x => x.Address, x => x == n[2] ? 2.0 : 1.0));
        foreach (var (node, clients) in expected.Where(e => e.Value.Count > 0))
            Assert.Equal(clients, run.Nodes[node].Clients);
        Assert.True(run.Nodes[n[2].Address].Clients.Count > 0 && run.Nodes.Count == 3, "every node took part");

        // Every op ran exactly once, on the node its client was assigned to.
        var all = new List<string>();
        foreach (var node in n)
        {
            var journal = InProcessCluster.Journal(node, id);
            Assert.All(journal, line => Assert.Contains(line.ClientId, run.Nodes[node.Address].Clients));
            all.AddRange(journal.Select(l => l.OpId));
        }
        Assert.Equal(spec.OpsTotal, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());

        // One start instant, applied by every node.
        Assert.NotNull(run.StartAtUnixUs);
        Assert.All(run.Nodes.Values, p => Assert.Equal(run.StartAtUnixUs, p.StartAtUnixUs));

        // The merged summary counts every node's ops; its percentiles come from the merged histograms.
        var summary = run.Summary!;
        Assert.Equal(spec.OpsTotal, summary.OpsTotal);
        Assert.Equal(spec.OpsTotal, summary.OpsOk);
        Assert.Equal(40, summary.Clients);
        Assert.Equal(40L * 10, summary.ByType["read"].Ok);
        Assert.True(summary.LatenessMs.Max >= summary.LatenessMs.P99 && summary.LatenessMs.P99 >= summary.LatenessMs.P50);
        Assert.True(File.Exists(Path.Combine(n[0].DataDir, "runs", id, ClusterRunCoordinatorOptions.SummaryFileName)),
            "the coordinator's node keeps the merged summary");
    }

    [Fact]
    public async Task Losing_a_node_mid_run_reports_its_clients_lost_and_the_others_finish()
    {
        await using var cluster = await InProcessCluster.StartAsync(1, 1, 1);
        // 30 clients, 80 reads 100 ms apart: about 8 s of replay.
        var workload = GeneratedWorkload.Write(cluster.WorkloadDir("w"), clients: 30, reads: 80, spacingUs: 100_000);
        var n = cluster.Nodes;
        var spec = Spec("lossy", workload, n[1].Address);
        var id = await InProcessCluster.SubmitAsync(n[1], spec);
        await InProcessCluster.WaitRunAsync(n[0], id, r => r.Nodes.TryGetValue(n[2].Address, out var p) && p.Completed > 0,
            "node 3 has run some ops");
        await InProcessCluster.KillAsync(n[2]);

        var run = await InProcessCluster.WaitRunAsync(n[0], id, r => r.IsTerminal, "run ended");
        Assert.Equal(ClusterRunStates.Completed, run.State);
        var lost = run.Nodes[n[2].Address];
        Assert.Equal(NodePartStates.Lost, lost.State);
        Assert.Contains(n[2].Address, run.Error);
        var record = ClusterRunRecord.From(run);
        Assert.Equal(lost.Clients.Count, record.Cluster.ClientsLost);
        Assert.Equal(lost.OpsAssigned, record.Cluster.OpsLost);

        // The survivors ran all of theirs, once; with the lost ops that accounts for the whole workload.
        var survivors = InProcessCluster.Journal(n[0], id).Concat(InProcessCluster.Journal(n[1], id)).Select(l => l.OpId).ToList();
        Assert.Equal(survivors.Count, survivors.Distinct().Count());
        Assert.Equal(survivors.Count, run.Summary!.OpsTotal);
        Assert.Equal(spec.OpsTotal, run.Summary.OpsTotal + record.Cluster.OpsLost);
    }

    [Fact]
    public async Task When_the_coordinators_node_dies_the_next_coordinator_finishes_the_run()
    {
        await using var cluster = await InProcessCluster.StartAsync(1, 1, 1);
        var workload = GeneratedWorkload.Write(cluster.WorkloadDir("w"), clients: 30, reads: 60, spacingUs: 100_000);
        var n = cluster.Nodes;
        var spec = Spec("handover", workload, n[1].Address);
        var id = await InProcessCluster.SubmitAsync(n[1], spec);
        await InProcessCluster.WaitRunAsync(n[1], id, r => r.State == ClusterRunStates.Running && r.Nodes.Values.All(p => p.Completed > 0),
            "every node has run some ops");
        await InProcessCluster.KillAsync(n[0]); // the oldest node: it hosts the coordinator

        var run = await InProcessCluster.WaitRunAsync(n[1], id, r => r.IsTerminal, "run ended under the new coordinator");
        Assert.Equal(ClusterRunStates.Completed, run.State);
        Assert.Equal(NodePartStates.Lost, run.Nodes[n[0].Address].State);
        Assert.Equal(NodePartStates.Finished, run.Nodes[n[1].Address].State);
        Assert.Equal(NodePartStates.Finished, run.Nodes[n[2].Address].State);
        var survivors = InProcessCluster.Journal(n[1], id).Count + InProcessCluster.Journal(n[2], id).Count;
        Assert.Equal(survivors, run.Summary!.OpsTotal);
        Assert.Equal(spec.OpsTotal, run.Summary.OpsTotal + run.Nodes[n[0].Address].OpsAssigned);
    }

    [Fact]
    public async Task Stopping_a_cluster_run_drains_every_node_and_ends_stopped()
    {
        await using var cluster = await InProcessCluster.StartAsync(1, 1, 1);
        var workload = GeneratedWorkload.Write(cluster.WorkloadDir("w"), clients: 30, reads: 200, spacingUs: 100_000);
        var n = cluster.Nodes;
        var spec = Spec("stopped", workload, n[1].Address);
        var id = await InProcessCluster.SubmitAsync(n[1], spec);
        await InProcessCluster.WaitRunAsync(n[1], id, r => r.State == ClusterRunStates.Running && r.Nodes.Values.All(p => p.Completed > 0),
            "every node has run some ops");
        // While it runs, the run carries the summary so far, merged from every node's results so far.
        var live = await InProcessCluster.WaitRunAsync(n[2], id, r => r.Summary is { OpsTotal: > 0, Clients: 30 }, "a live summary from all nodes");
        Assert.False(live.IsTerminal);
        Assert.True(live.Summary!.OpsTotal < spec.OpsTotal);
        var answer = await n[2].Runtime.Coordinator.Ask<object>(new ClusterRunProtocol.StopRun(id, "enough"), TimeSpan.FromSeconds(10));
        Assert.IsType<ClusterRunProtocol.RunAccepted>(answer);

        var run = await InProcessCluster.WaitRunAsync(n[0], id, r => r.IsTerminal, "run ended");
        Assert.Equal(ClusterRunStates.Stopped, run.State);
        Assert.Equal("enough", run.Error);
        Assert.All(run.Nodes.Values, p => Assert.Equal(NodePartStates.Finished, p.State));
        var journaled = n.SelectMany(x => InProcessCluster.Journal(x, id)).Select(l => l.OpId).ToList();
        Assert.Equal(journaled.Count, journaled.Distinct().Count());
        Assert.Equal(journaled.Count, run.Summary!.OpsTotal);
        Assert.True(run.Summary.OpsNotRun > 0, "the stop came before the timeline's end");
        Assert.Equal(spec.OpsTotal, run.Summary.OpsTotal + run.Summary.OpsNotRun);
        var again = await n[0].Runtime.Coordinator.Ask<object>(new ClusterRunProtocol.StopRun(id, "again"), TimeSpan.FromSeconds(10));
        Assert.IsType<ClusterRunProtocol.RunRefused>(again);
    }

    [Fact]
    public async Task Nodes_without_the_workload_fetch_it_in_checked_chunks_from_the_submitting_node()
    {
        await using var cluster = await InProcessCluster.StartAsync(1, 1, 1);
        // About 600 KB of workload.jsonl: several 256 KiB chunks.
        var workload = GeneratedWorkload.Write(cluster.WorkloadDir("w"), clients: 40, reads: 100, spacingUs: 1_000);
        var n = cluster.Nodes;
        var real = Spec("shipped", workload, n[1].Address, timeScale: 0);
        // The submitting node serves the real directory; the path in the spec exists on no node, so all three fetch.
        n[1].Runtime.Agent.Tell(new NodeAgentProtocol.Offer(real.WorkloadDigest, workload));
        var spec = real with { WorkloadPath = Path.Combine(cluster.WorkloadDir("elsewhere"), "w") };
        var id = await InProcessCluster.SubmitAsync(n[1], spec);
        var run = await InProcessCluster.WaitRunAsync(n[0], id, r => r.IsTerminal, "run ended");

        Assert.True(run.State == ClusterRunStates.Completed, run.Error);
        Assert.Equal(spec.OpsTotal, run.Summary!.OpsTotal);
        foreach (var node in n)
        {
            var copy = Path.Combine(node.DataDir, "cluster", "workloads", spec.WorkloadDigest);
            Assert.Equal(spec.WorkloadDigest, WorkloadBundles.Digest(copy));
        }
        var ops = n.SelectMany(x => InProcessCluster.Journal(x, id)).Select(l => l.OpId).ToList();
        Assert.Equal(spec.OpsTotal, ops.Distinct().Count());
        Assert.Equal(ops.Count, ops.Distinct().Count());
    }

    [Fact]
    public void A_damaged_bundle_is_refused_before_unpacking()
    {
        var dir = Directory.CreateTempSubdirectory("smbench-bundle-").FullName;
        try
        {
            var workload = GeneratedWorkload.Write(Path.Combine(dir, "w"), clients: 2, reads: 3, spacingUs: 1000);
            var digest = WorkloadBundles.Digest(workload);
            var (bundle, sha) = WorkloadBundles.Bundle(workload, digest, Path.Combine(dir, "bundles"));
            var bytes = File.ReadAllBytes(bundle);
            bytes[^600] ^= 0xFF;
            var damaged = Path.Combine(dir, "damaged.tar");
            File.WriteAllBytes(damaged, bytes);
            Assert.Throws<InvalidDataException>(() => WorkloadBundles.Unpack(damaged, sha, Path.Combine(dir, "out")));
            Assert.False(Directory.Exists(Path.Combine(dir, "out")));
            WorkloadBundles.Unpack(bundle, sha, Path.Combine(dir, "ok"));
            Assert.Equal(digest, WorkloadBundles.Digest(Path.Combine(dir, "ok")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
