using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SMBench.Daemon.Cluster;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>The daemon's hosting path (Akka.Hosting + Akka.Remote/Cluster.Hosting) gives the node the settings it needs.</summary>
public sealed class ClusterHostingTests
{
    [Fact]
    public async Task A_hosted_node_gets_its_address_seeds_roles_resolver_frame_size_and_serializer()
    {
        var dir = Directory.CreateTempSubdirectory("smbench-cluster-host-").FullName;
        var port = FreePort.Next();
        var options = new ClusterNodeOptions
        {
            Enabled = true, Port = port, PublicHostname = "127.0.0.1", SeedNodes = [$"akka.tcp://smbench@127.0.0.1:{port}"],
            Roles = ["replay", "api"], StableAfter = TimeSpan.FromSeconds(7),
        };
        using var host = Host.CreateDefaultBuilder()
            .ConfigureServices(s => s.AddAkka("smbench", akka => akka.AddClusterRuns(options, dir)))
            .Build();
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var config = system.Settings.Config;
            Assert.IsType<Akka.Cluster.ClusterActorRefProvider>(((ExtendedActorSystem)system).Provider);
            Assert.Equal(port, config.GetInt("akka.remote.dot-netty.tcp.port"));
            Assert.Equal([$"akka.tcp://smbench@127.0.0.1:{port}"], config.GetStringList("akka.cluster.seed-nodes"));
            Assert.Equal(["replay", "api"], config.GetStringList("akka.cluster.roles"));
            Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
            Assert.Equal(TimeSpan.FromSeconds(7), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
            Assert.Equal(ClusterHocon.MaxFrameBytes, config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size"));
            Assert.IsType<ClusterMessageSerializer>(system.Serialization.FindSerializerFor(new ClusterRunProtocol.GetRun("x")));
            var registry = host.Services.GetRequiredService<ActorRegistry>();
            Assert.NotNull(registry.Get<ClusterRunCoordinator>());
            Assert.NotNull(registry.Get<NodeAgent>());
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dir, recursive: true);
        }
    }
}
