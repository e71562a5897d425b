using Akka.Actor;
using Akka.Cluster.Tools.Singleton;

namespace SMBench.Daemon.Cluster;

/// <summary>The cluster actors of one node: the coordinator singleton (manager + proxy) and the node agent.</summary>
public sealed record ClusterRuntime(IActorRef Coordinator, IActorRef Agent)
{
    public const string SingletonName = "run-coordinator";
    public const string ProxyName = "run-coordinator-proxy";

    /// <summary>Starts them in <paramref name="system"/> (which must use the cluster provider).</summary>
    public static ClusterRuntime Start(ActorSystem system, ClusterRunCoordinatorOptions coordinator, NodeAgentOptions agent)
    {
        system.ActorOf(ClusterSingletonManager.Props(
            ClusterRunCoordinator.Props(coordinator),
            PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(system)), SingletonName);
        var proxy = system.ActorOf(ClusterSingletonProxy.Props(
            "/user/" + SingletonName,
            ClusterSingletonProxySettings.Create(system).WithBufferSize(10_000)), ProxyName);
        var node = system.ActorOf(NodeAgent.Props(agent, proxy), NodeAgent.ActorName);
        return new ClusterRuntime(proxy, node);
    }
}
