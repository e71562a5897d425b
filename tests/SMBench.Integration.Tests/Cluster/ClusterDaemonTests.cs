using System.Text.Json;
using SMBench.Integration.Tests.Daemon;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Cluster;

/// <summary>
/// Three real daemons form a cluster and replay one workload against a real smbd, submitted through node 2's API:
/// every op runs exactly once across the nodes' journals; a node killed mid-run leaves its ops accounted as lost
/// while the run completes on the others; <c>smbench ctl cluster show|leave|down</c> work against the cluster.
/// </summary>
public sealed class ClusterDaemonTests
{
    private const string PasswordVariable = "SMBENCH_CLUSTER_IT_PW";

    private static string Workload(string dir, int clients, int reads, long spacingUs, SambaServer smbd, string root)
    {
        GeneratedWorkload.Write(dir, clients, reads, spacingUs);
        // The workload reads files it does not create: put them on the share under the run's root.
        var data = Path.Combine(smbd.SharePath, root, "data");
        Directory.CreateDirectory(data);
        for (var c = 0; c < clients; c++) File.WriteAllBytes(Path.Combine(data, $"client_{c:D4}.bin"), new byte[4096]);
        ExternalProcess.RunChecked("chmod", $"-R a+rwX {smbd.SharePath}");
        return dir;
    }

    private static object Body(string workload, SambaServer smbd, string runId, string root) => new Dictionary<string, object>
    {
        ["workload"] = workload, ["target"] = $"smb://127.0.0.1:{smbd.Port}/{smbd.ShareName}", ["backend"] = "smb",
        ["user"] = smbd.UserName, ["password_env"] = PasswordVariable, ["run_id"] = runId, ["root"] = root,
    };

    [RequiresSambaFact]
    public async Task Three_daemons_run_one_workload_once_across_nodes_and_ctl_manages_membership()
    {
        await using var smbd = await SambaServer.StartAsync();
        await using var cluster = await DaemonCluster.StartAsync(new Dictionary<string, string> { [PasswordVariable] = smbd.Password });
        var node2 = cluster.Nodes[1];
        var workload = Workload(Path.Combine(node2.WorkDir, "w"), clients: 24, reads: 10, spacingUs: 20_000, smbd, "cluster-it");
        var id = await DaemonCluster.SubmitAsync(node2, Body(workload, smbd, "cluster-once", "cluster-it"));
        var run = await node2.WaitEndedAsync(id, TimeSpan.FromSeconds(120));

        Assert.True(run.GetProperty("state").GetString() == "completed", run.ToString());
        const int total = 24 * 12;
        var ops = cluster.Nodes.SelectMany(n => DaemonCluster.Journal(n, id)).ToList();
        Assert.Equal(total, ops.Count);
        Assert.Equal(total, ops.Select(o => o.OpId).Distinct().Count());
        Assert.All(ops, o => Assert.Equal("STATUS_SUCCESS", o.Status));
        var summary = run.GetProperty("summary");
        Assert.Equal(total, summary.GetProperty("ops_total").GetInt64());
        Assert.Equal(total, summary.GetProperty("ops_ok").GetInt64());
        var nodes = run.GetProperty("cluster").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(24, nodes.Sum(n => n.GetProperty("clients").GetInt32()));
        foreach (var n in nodes)
        {
            var index = cluster.Addresses.IndexOf(n.GetProperty("address").GetString()!);
            Assert.Equal(n.GetProperty("ops_assigned").GetInt64(), DaemonCluster.Journal(cluster.Nodes[index], id).Count);
        }
        // Any node answers for the run.
        Assert.Equal("completed", (await cluster.Nodes[2].GetJsonAsync($"/api/runs/{id}")).GetProperty("state").GetString());

        // ctl against the cluster: show lists the three members; node 3 leaves; node 2 is downed.
        var show = await node2.RunCliAsync(["ctl", "cluster", "show"]);
        Assert.True(show.Code == 0, show.Err);
        Assert.All(cluster.Addresses, a => Assert.Contains(a, show.Out));
        var leave = await node2.RunCliAsync(["ctl", "cluster", "leave", cluster.Addresses[2]]);
        Assert.True(leave.Code == 0, leave.Err);
        await DaemonCluster.WaitMembersAsync(cluster.Nodes[0], 2);
        // The node that left has nothing more to do: its daemon exits 1 so a service manager restarts it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!cluster.Nodes[2].HasExited && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(cluster.Nodes[2].HasExited, cluster.Nodes[2].Output);
        Assert.Equal(1, await cluster.Nodes[2].TerminateAsync(TimeSpan.FromSeconds(10)));
        var down = await cluster.Nodes[0].RunCliAsync(["ctl", "cluster", "down", cluster.Addresses[1], "--json"]);
        Assert.True(down.Code == 0, down.Err);
        Assert.Equal("down", JsonDocument.Parse(down.Out).RootElement.GetProperty("action").GetString());
        await DaemonCluster.WaitMembersAsync(cluster.Nodes[0], 1);
        var json = await cluster.Nodes[0].RunCliAsync(["ctl", "cluster", "show", "--json"]);
        var members = JsonDocument.Parse(json.Out).RootElement.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(cluster.Addresses[0], Assert.Single(members).GetProperty("address").GetString());
        var missing = await cluster.Nodes[0].RunCliAsync(["ctl", "cluster", "down"]);
        Assert.Equal(2, missing.Code);
        Assert.Contains("address", missing.Err, StringComparison.Ordinal);
    }

    [RequiresSambaFact]
    public async Task Killing_node_3_mid_run_completes_the_run_with_its_ops_accounted_as_lost()
    {
        await using var smbd = await SambaServer.StartAsync();
        await using var cluster = await DaemonCluster.StartAsync(new Dictionary<string, string> { [PasswordVariable] = smbd.Password });
        var node2 = cluster.Nodes[1];
        // 24 clients, 120 reads 100 ms apart: about 12 s of replay.
        var workload = Workload(Path.Combine(node2.WorkDir, "w"), clients: 24, reads: 120, spacingUs: 100_000, smbd, "cluster-kill");
        var id = await DaemonCluster.SubmitAsync(node2, Body(workload, smbd, "cluster-kill", "cluster-kill"));
        await node2.WaitForAsync(id, r => r.GetProperty("cluster").GetProperty("nodes").EnumerateArray()
            .Any(n => n.GetProperty("address").GetString() == cluster.Addresses[2] && n.GetProperty("completed").GetInt64() > 0),
            TimeSpan.FromSeconds(90));
        DaemonProcess.Signal(cluster.Nodes[2].ProcessId, 9);

        var run = await node2.WaitEndedAsync(id, TimeSpan.FromSeconds(120));
        Assert.True(run.GetProperty("state").GetString() == "completed", run.ToString());
        const int total = 24 * 122;
        var info = run.GetProperty("cluster");
        var lostNode = info.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("address").GetString() == cluster.Addresses[2]);
        Assert.Equal("lost", lostNode.GetProperty("state").GetString());
        Assert.Equal(lostNode.GetProperty("clients").GetInt32(), info.GetProperty("clients_lost").GetInt32());
        Assert.Equal(lostNode.GetProperty("ops_assigned").GetInt64(), info.GetProperty("ops_lost").GetInt64());

        var survivors = DaemonCluster.Journal(cluster.Nodes[0], id).Concat(DaemonCluster.Journal(node2, id)).ToList();
        var killed = DaemonCluster.Journal(cluster.Nodes[2], id);
        var opsTotal = run.GetProperty("summary").GetProperty("ops_total").GetInt64();
        Assert.Equal(survivors.Count, opsTotal);
        Assert.Equal(total, opsTotal + info.GetProperty("ops_lost").GetInt64());
        Assert.InRange(killed.Count, 1, info.GetProperty("ops_lost").GetInt64() - 1); // it ran some, not all, before the kill
        var all = survivors.Concat(killed).Select(o => o.OpId).ToList();
        Assert.Equal(all.Count, all.Distinct().Count()); // no op ran twice
        Assert.All(survivors, o => Assert.Equal("STATUS_SUCCESS", o.Status));
    }
}
