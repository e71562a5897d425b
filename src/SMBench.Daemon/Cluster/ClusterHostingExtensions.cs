using Akka.Hosting;
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
        builder.AddHocon(ClusterHocon.Node(options), HoconAddMode.Prepend);
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
