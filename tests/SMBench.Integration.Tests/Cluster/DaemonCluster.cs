using System.Text.Json;
using SMBench.Integration.Tests.Daemon;
using SMBench.TestSupport;

namespace SMBench.Integration.Tests.Cluster;

/// <summary>
/// Three real <c>smbench daemon</c> processes on 127.0.0.1, each with its own HTTP port, remoting port and data dir,
/// joined into one cluster through node 1 as the seed (node 1 starts first, so it is the oldest and hosts the
/// coordinator).
/// </summary>
internal sealed class DaemonCluster : IAsyncDisposable
{
    private DaemonCluster(List<DaemonProcess> nodes, List<string> addresses)
    {
        Nodes = nodes;
        Addresses = addresses;
    }

    public List<DaemonProcess> Nodes { get; }
    /// <summary>akka.tcp://smbench@127.0.0.1:port of each node.</summary>
    public List<string> Addresses { get; }

    public static async Task<DaemonCluster> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var ports = Enumerable.Range(0, 3).Select(_ => FreePort.Next()).ToList();
        var addresses = ports.Select(p => $"akka.tcp://smbench@127.0.0.1:{p}").ToList();
        var nodes = new List<DaemonProcess>();
        try
        {
            nodes.Add(await Start(ports[0], addresses[0], environment));
            await WaitMembersAsync(nodes[0], 1);
            nodes.AddRange(await Task.WhenAll(Start(ports[1], addresses[0], environment), Start(ports[2], addresses[0], environment)));
            foreach (var node in nodes) await WaitMembersAsync(node, 3);
        }
        catch
        {
            foreach (var node in nodes) await node.DisposeAsync();
            throw;
        }
        return new DaemonCluster(nodes, addresses);
    }

    private static Task<DaemonProcess> Start(int remotePort, string seed, IReadOnlyDictionary<string, string> environment)
        => DaemonProcess.StartAsync(extraArgs: ["--remote-port", remotePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed-nodes", seed],
            environment: environment);

    /// <summary>Waits until <paramref name="node"/> sees exactly <paramref name="count"/> members, all Up.</summary>
    public static async Task WaitMembersAsync(DaemonProcess node, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        JsonElement cluster = default;
        while (DateTime.UtcNow < deadline)
        {
            cluster = await node.GetJsonAsync("/api/cluster");
            var members = cluster.GetProperty("members").EnumerateArray().ToList();
            if (members.Count == count && members.All(m => m.GetProperty("status").GetString() == "Up")) return;
            await Task.Delay(250);
        }
        throw new TimeoutException($"{node.Url} did not see {count} Up members; last: {cluster}\n{node.Output}");
    }

    /// <summary>POST /api/runs, retrying while the nodes are still registering with the coordinator (409).</summary>
    public static async Task<string> SubmitAsync(DaemonProcess via, object body)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var r = await via.Http.PostAsync("/api/runs", JsonContent(body));
            var text = await r.Content.ReadAsStringAsync();
            if ((int)r.StatusCode == 202) return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
            if ((int)r.StatusCode != 409 || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"POST /api/runs → {(int)r.StatusCode}: {text}");
            await Task.Delay(500);
        }
    }

    private static StringContent JsonContent(object body)
        => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    /// <summary>The op ids a node journaled for the run (whole lines only).</summary>
    public static List<(string OpId, string Status)> Journal(DaemonProcess node, string runId)
    {
        var path = Path.Combine(node.DataDir, "runs", runId, "ops.jsonl");
        if (!File.Exists(path)) return [];
        var lines = new List<(string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                lines.Add((doc.RootElement.GetProperty("op_id").GetString()!, doc.RootElement.GetProperty("status").GetString()!));
            }
            catch (JsonException)
            {
                // A node killed mid-write may leave a cut last line; whole lines are what it journaled.
            }
        }
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
    }
}
