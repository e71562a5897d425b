using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using SMBench.Core.Results;

namespace SMBench.Daemon.Cluster;

public static class ClusterHostingExtensions
{
    /// <summary>
    /// Cluster mode: this node's address, seeds and roles over the operator's HOCON, the cluster defaults (split-brain
    /// resolver, serializer) under it, and the coordinator singleton, its proxy and the node agent
    /// (registered as <c>IRequiredActor&lt;ClusterRunCoordinator&gt;</c> and <c>&lt;NodeAgent&gt;</c>).
    /// </summary>
    public static AkkaConfigurationBuilder AddClusterRuns(this AkkaConfigurationBuilder builder, ClusterNodeOptions options,
        string dataDir, IResultObserver? metrics = null)
    {
        // Address, seeds, roles and the keep-majority resolver through Akka.Remote.Hosting / Akka.Cluster.Hosting; the
        // rest (resolver timing, frame size, serializer binding) from the same defaults the in-process specs use.
        builder.WithRemoting(new RemoteOptions
        {
            HostName = options.Hostname, PublicHostName = options.AdvertisedHost, Port = options.Port,
            MaxFrameSize = ClusterHocon.MaxFrameBytes, SendBufferSize = ClusterHocon.MaxFrameBytes, ReceiveBufferSize = ClusterHocon.MaxFrameBytes,
        });
        builder.WithClustering(new ClusterOptions
        {
            SeedNodes = options.SeedNodes.ToArray(), Roles = options.Roles.ToArray(), SplitBrainResolver = new KeepMajorityOption(),
        });
        builder.AddHocon(ClusterHocon.Defaults(options), HoconAddMode.Append);
        return builder.WithActors((system, registry) =>
        {
            var runtime = ClusterRuntime.Start(system,
                new ClusterRunCoordinatorOptions { DataDir = dataDir, StartLead = options.StartLead, PrepareTimeout = options.PrepareTimeout },
                new NodeAgentOptions { DataDir = dataDir, Capacity = options.Capacity, RunsClients = options.RunsClients, Observer = metrics });
            registry.Register<ClusterRunCoordinator>(runtime.Coordinator);
            registry.Register<NodeAgent>(runtime.Agent);
        });
    }
}
