using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using SMBench.Daemon.Cluster;
using SMBench.TestSupport;
using static SMBench.Daemon.Cluster.ClusterRunProtocol;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>
/// Three (or more) cluster nodes in this process: actor systems named <c>smbench</c> on 127.0.0.1 with free ports,
/// the daemon's cluster settings (<see cref="ClusterHocon"/>), each with its own data dir and the coordinator singleton,
/// proxy and node agent the daemon starts. Every message between nodes goes through remoting, so through the cluster
/// message serializer. (<c>serialize-messages = on</c> is checked in <see cref="ClusterSerializationSpecs"/>: in a
/// cluster node it would also round-trip Akka's own node-local cluster events, which are not meant to be serialized.)
/// The replay engine of each node runs in a node-local system, as in those specs.
/// </summary>
public sealed class InProcessCluster : IAsyncDisposable
{
    public sealed record Node(ActorSystem System, ActorSystem Engine, ClusterRuntime Runtime, string DataDir, string Address);

    private readonly string _dir;

    private InProcessCluster(string dir) => _dir = dir;

    public List<Node> Nodes { get; } = [];

    public static async Task<InProcessCluster> StartAsync(params double[] capacities)
    {
        var cluster = new InProcessCluster(Directory.CreateTempSubdirectory("smbench-cluster-").FullName);
        var ports = capacities.Select(_ => FreePort.Next()).ToList();
        var seed = $"{ClusterSettingsLoader.SeedPrefix}127.0.0.1:{ports[0]}";
        for (var i = 0; i < capacities.Length; i++)
        {
            cluster.Nodes.Add(cluster.StartNode(i, ports[i], seed, capacities[i]));
            // One at a time, so node 1 is the oldest and hosts the coordinator.
            await WaitAsync(() => cluster.Nodes.All(n => Akka.Cluster.Cluster.Get(n.System).State.Members
                .Count(m => m.Status == MemberStatus.Up) == cluster.Nodes.Count), "node " + (i + 1) + " up");
        }
        return cluster;
    }

    private Node StartNode(int index, int port, string seed, double capacity)
    {
        var options = new ClusterNodeOptions
        {
            Enabled = true, Port = port, SeedNodes = [seed], Capacity = capacity, StableAfter = TimeSpan.FromSeconds(2),
        };
        var config = ConfigurationFactory.ParseString("""
                akka.loglevel = WARNING
                akka.stdout-loglevel = WARNING
                akka.cluster.failure-detector.acceptable-heartbeat-pause = 3s
                akka.coordinated-shutdown.exit-clr = off
                akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
                # Terminate() below is a crash: no graceful leave, the others must notice and down the node.
                akka.coordinated-shutdown.run-by-actor-system-terminate = off
                """)
            .WithFallback(ClusterHocon.Node(options))
            .WithFallback(ClusterHocon.Defaults(options));
        var system = ActorSystem.Create("smbench", config);
        var engine = ActorSystem.Create($"engine{index + 1}", "akka.loglevel = WARNING");
        var dataDir = Path.Combine(_dir, $"node{index + 1}");
        var runtime = ClusterRuntime.Start(system,
            new ClusterRunCoordinatorOptions { DataDir = dataDir, StartLead = TimeSpan.FromMilliseconds(500), RecoveryWindow = TimeSpan.FromSeconds(1) },
            new NodeAgentOptions
            {
                DataDir = dataDir, Capacity = capacity, EngineSystem = engine, RegisterInterval = TimeSpan.FromMilliseconds(200),
            });
        return new Node(system, engine, runtime, dataDir, Akka.Cluster.Cluster.Get(system).SelfAddress.ToString());
    }

    public string WorkloadDir(string name) => Path.Combine(_dir, name);

    /// <summary>Submits through <paramref name="via"/>'s proxy, retrying while the nodes are still registering.</summary>
    public static async Task<string> SubmitAsync(Node via, ClusterRunSpec spec)
    {
        object answer = null!;
        await WaitAsync(async () =>
        {
            answer = await via.Runtime.Coordinator.Ask<object>(new SubmitRun(spec), TimeSpan.FromSeconds(10));
            return answer is RunAccepted || (answer is RunRefused r && !r.Reason.Contains("registered", StringComparison.Ordinal));
        }, "run accepted");
        return answer is RunAccepted a ? a.RunId : throw new InvalidOperationException(((RunRefused)answer).Reason);
    }

    public static async Task<ClusterRunState> RunAsync(Node via, string runId)
        => ((RunView)await via.Runtime.Coordinator.Ask<object>(new GetRun(runId), TimeSpan.FromSeconds(10))).Run;

    public static async Task<ClusterRunState> WaitRunAsync(Node via, string runId, Func<ClusterRunState, bool> condition, string what)
    {
        ClusterRunState? run = null;
        try
        {
            await WaitAsync(async () => condition(run = await RunAsync(via, runId)), what, TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; last seen: {(run == null ? "nothing" : System.Text.Json.JsonSerializer.Serialize(run.WithoutPartResults()))}");
        }
        return run!;
    }

    public static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(() => Task.FromResult(condition()), what);

    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (AskTimeoutException)
            {
                // The coordinator is moving (hand-over) or busy: ask again.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"timed out waiting for: {what}");
    }

    /// <summary>The results lines each node journaled for the run: node data dir → (op id, client id).</summary>
    public static List<(string OpId, string ClientId)> Journal(Node node, string runId)
    {
        var path = Path.Combine(node.DataDir, "runs", runId, "ops.jsonl");
        if (!File.Exists(path)) return [];
        return File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = System.Text.Json.JsonDocument.Parse(l);
            return (doc.RootElement.GetProperty("op_id").GetString()!, doc.RootElement.GetProperty("client_id").GetString()!);
        }).ToList();
    }

    public static async Task KillAsync(Node node)
    {
        await node.System.Terminate();
        await node.Engine.Terminate();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.System.Terminate();
            await node.Engine.Terminate();
        }
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
