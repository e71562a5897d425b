using SMBench.Actors.Runs;
using Akka.Actor;

namespace SMBench.Daemon.Cluster;

/// <summary>Node-local messages of <see cref="NodeAgent"/> (they never cross nodes).</summary>
public static class NodeAgentProtocol
{
    /// <summary>The API of this node took a run for this workload: serve it to nodes that lack it.</summary>
    public sealed record Offer(string Digest, string WorkloadPath) : INoSerializationVerificationNeeded;

    internal sealed record Tick : INoSerializationVerificationNeeded;

    internal sealed record WorkloadResolved(string RunId, string? Path, string? Error) : INoSerializationVerificationNeeded;

    internal sealed record BarrierReached(string RunId) : INoSerializationVerificationNeeded;

    internal sealed record LocalProgress(string RunId, long Released, long Completed, long Failed) : INoSerializationVerificationNeeded;

    internal sealed record PartEnded(string RunId, ReplayCoordinatorProtocol.RunFinished? Result, string? Error)
        : INoSerializationVerificationNeeded;
}
