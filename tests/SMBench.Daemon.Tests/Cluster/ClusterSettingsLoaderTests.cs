using Akka.Configuration;
using SMBench.Daemon.Cluster;
using SMBench.Daemon.Hosting;
using Xunit;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>Cluster settings: HOCON → environment → flags, and what a cluster node's actor system is given.</summary>
public sealed class ClusterSettingsLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-cluster-settings-").FullName;

    private string Hocon(string text)
    {
        var path = Path.Combine(_dir, "akka.hocon");
        File.WriteAllText(path, text);
        return path;
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] vars)
        => name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Without_seed_nodes_the_daemon_stays_a_single_node()
    {
        var s = DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Hocon("") }, Env());
        Assert.False(s.Cluster.Enabled);
        Assert.Equal(4053, s.Cluster.Port);
        Assert.Equal(["replay"], s.Cluster.Roles);
    }

    [Fact]
    public void File_then_environment_then_flags()
    {
        var config = Hocon("""
            smbench.daemon.cluster {
              seed-nodes = ["akka.tcp://smbench@10.0.0.11:4053"], hostname = "0.0.0.0", public-hostname = "vm1", port = 5000,
              capacity = 2, roles = ["replay", "api"], start-lead = 250ms, split-brain-stable-after = 20s
            }
            """);
        var fromFile = DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = config }, Env()).Cluster;
        Assert.True(fromFile.Enabled);
        Assert.Equal(("0.0.0.0", "vm1", 5000, 2.0), (fromFile.Hostname, fromFile.AdvertisedHost, fromFile.Port, fromFile.Capacity));
        Assert.Equal(TimeSpan.FromMilliseconds(250), fromFile.StartLead);
        Assert.Equal(TimeSpan.FromSeconds(20), fromFile.StableAfter);

        var fromEnv = DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = config },
            Env(("SMBENCH_REMOTE_PORT", "5001"), ("SMBENCH_PUBLIC_HOST", "vm1.lab"), ("SMBENCH_ROLES", "api"))).Cluster;
        Assert.Equal((5001, "vm1.lab", false), (fromEnv.Port, fromEnv.AdvertisedHost, fromEnv.RunsClients));

        var fromFlags = DaemonSettingsLoader.Load(new DaemonOverrides
        {
            ConfigFile = config, RemotePort = 5002, SeedNodes = ["akka.tcp://smbench@a:1", "akka.tcp://smbench@b:2"], Capacity = 0.5,
        }, Env(("SMBENCH_REMOTE_PORT", "5001"))).Cluster;
        Assert.Equal((5002, 0.5), (fromFlags.Port, fromFlags.Capacity));
        Assert.Equal(["akka.tcp://smbench@a:1", "akka.tcp://smbench@b:2"], fromFlags.SeedNodes);
    }

    [Theory]
    [InlineData("smbench@a:1")]
    [InlineData("akka.tcp://other@a:1")]
    [InlineData("akka.tcp://smbench@a")]
    public void A_malformed_seed_node_is_refused_with_the_expected_form(string seed)
    {
        var e = Assert.Throws<DaemonConfigException>(() =>
            DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Hocon(""), SeedNodes = [seed] }, Env()));
        Assert.Contains("akka.tcp://smbench@host:port", e.Message);
    }

    [Fact]
    public void A_node_gets_the_cluster_provider_its_address_and_keep_majority()
    {
        var options = new ClusterNodeOptions
        {
            Enabled = true, Hostname = "0.0.0.0", PublicHostname = "node2", Port = 4054, SeedNodes = ["akka.tcp://smbench@node1:4053"],
        };
        var config = ClusterHocon.Node(options).WithFallback(ClusterHocon.Defaults(options));
        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.Equal("0.0.0.0", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal("node2", config.GetString("akka.remote.dot-netty.tcp.public-hostname"));
        Assert.Equal(4054, config.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(["akka.tcp://smbench@node1:4053"], config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal("smbench-cluster", config.GetString("akka.actor.serialization-bindings.\"SMBench.Daemon.Cluster.IClusterMessage, smbench\""));
    }

    [Fact]
    public void A_100000_client_run_fits_in_one_remoting_frame()
    {
        var spec = new ClusterRunSpec
        {
            RunId = "big", WorkloadPath = "/srv/workloads/big", WorkloadDigest = new string('a', 64), Origin = "akka.tcp://smbench@10.0.0.11:4053",
            Clients = Enumerable.Range(0, 100_000).Select(i => new ClientOps($"client_{i:D6}", 1234)).ToList(),
        };
        var state = new ClusterRunState
        {
            Spec = spec,
            Nodes = new(StringComparer.Ordinal)
            {
                ["akka.tcp://smbench@10.0.0.11:4053"] = new NodePart { Clients = spec.Clients.Select(c => c.ClientId).ToList() },
            },
        };
        using var system = Akka.Actor.ActorSystem.Create("frame");
        var serializer = new ClusterMessageSerializer((Akka.Actor.ExtendedActorSystem)system);
        var bytes = serializer.ToBinary(new ClusterRunProtocol.Replicate(state)).Length;
        Assert.True(bytes < ClusterHocon.MaxFrameBytes, $"{bytes} bytes");
        var options = new ClusterNodeOptions();
        Assert.Equal(ClusterHocon.MaxFrameBytes, ClusterHocon.Defaults(options).GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size"));
    }

    [Fact]
    public void The_shipped_config_keeps_the_split_brain_resolver_on_keep_majority()
    {
        var shipped = ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(SMBench.TestSupport.RepoPaths.Root, "config", "akka.hocon")));
        Assert.Equal("keep-majority", shipped.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.False(shipped.GetBoolean("smbench.daemon.cluster.enabled"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
