using Akka.Actor;
using SMBench.Core.Results;

namespace SMBench.Daemon.Cluster;

/// <summary>What a node's <see cref="NodeAgent"/> needs: where results and received workloads go, and its share.</summary>
public sealed record NodeAgentOptions
{
    public required string DataDir { get; init; }
    public double Capacity { get; init; } = 1.0;
    public bool RunsClients { get; init; } = true;
    /// <summary>Sees every journaled batch (the daemon's metrics).</summary>
    public IResultObserver? Observer { get; init; }
    /// <summary>
    /// The actor system the replay engine runs in; null: the agent's own. The specs that check every message with
    /// <c>serialize-messages = on</c> give the engine a node-local system, because the engine's node-local messages carry
    /// live objects (backend, streams) that never cross nodes.
    /// </summary>
    public ActorSystem? EngineSystem { get; init; }
    public TimeSpan RegisterInterval { get; init; } = TimeSpan.FromSeconds(2);

    public string RunsDir => Path.Combine(DataDir, "runs");
    public string BundlesDir => Path.Combine(DataDir, "cluster", "bundles");
    public string ReceivedWorkloadsDir => Path.Combine(DataDir, "cluster", "workloads");
}
