using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using SMBench.Daemon.Cluster;
using static SMBench.Daemon.Cluster.ClusterRunProtocol;

namespace SMBench.Bench.Cluster;

/// <summary>
/// N cluster nodes in this process on 127.0.0.1 (actor systems named smbench with the daemon's cluster settings,
/// coordinator singleton, proxy and node agent each), one data dir per node; the replay engine runs in each
/// node's own actor system, as in the daemon.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public sealed record Node(ActorSystem System, ClusterRuntime Runtime, string DataDir, string Address);

    private readonly string _dir;

    private BenchCluster(string dir) => _dir = dir;

    public List<Node> Nodes { get; } = [];

    public static async Task<BenchCluster> StartAsync(int count)
    {
        var cluster = new BenchCluster(Directory.CreateTempSubdirectory("smbench-bench-cluster-").FullName);
        var ports = Enumerable.Range(0, count).Select(_ => FreePort()).ToList();
        var seed = $"{ClusterSettingsLoader.SeedPrefix}127.0.0.1:{ports[0]}";
        for (var i = 0; i < count; i++)
        {
            var options = new ClusterNodeOptions { Enabled = true, Port = ports[i], SeedNodes = [seed] };
            var config = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING")
                .WithFallback(ClusterHocon.Node(options)).WithFallback(ClusterHocon.Defaults(options));
            var system = ActorSystem.Create("smbench", config);
            var dataDir = Path.Combine(cluster._dir, $"node{i + 1}");
            var runtime = ClusterRuntime.Start(system, new ClusterRunCoordinatorOptions { DataDir = dataDir },
                new NodeAgentOptions { DataDir = dataDir, RegisterInterval = TimeSpan.FromMilliseconds(500) });
            cluster.Nodes.Add(new Node(system, runtime, dataDir, Akka.Cluster.Cluster.Get(system).SelfAddress.ToString()));
            var expected = i + 1;
            await WaitAsync(() => cluster.Nodes.All(n => Akka.Cluster.Cluster.Get(n.System).State.Members.Count(m => m.Status == MemberStatus.Up) == expected));
        }
        return cluster;
    }

    public async Task<string> SubmitAsync(ClusterRunSpec spec)
    {
        object answer = null!;
        await WaitAsync(() =>
        {
            answer = Nodes[1 % Nodes.Count].Runtime.Coordinator.Ask<object>(new SubmitRun(spec), TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            return answer is RunAccepted || (answer is RunRefused r && !r.Reason.Contains("registered", StringComparison.Ordinal));
        });
        return answer is RunAccepted a ? a.RunId : throw new InvalidOperationException(((RunRefused)answer).Reason);
    }

    public async Task<ClusterRunState> WaitEndedAsync(string runId)
    {
        ClusterRunState run = null!;
        await WaitAsync(() =>
        {
            var view = Nodes[0].Runtime.Coordinator.Ask<object>(new GetRun(runId), TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            run = ((RunView)view).Run;
            return run.IsTerminal;
        }, TimeSpan.FromMinutes(10));
        return run;
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the bench cluster did not get there in time");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.System.Terminate();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
