using Akka.Actor;

namespace SMBench.Daemon.Cluster;

/// <summary>Node-local timers and notices of <see cref="ClusterRunCoordinator"/>.</summary>
internal static class ClusterRunCoordinatorProtocol
{
    internal sealed record RecoveryDone : INoSerializationVerificationNeeded;

    internal sealed record PrepareDeadline(string RunId) : INoSerializationVerificationNeeded;
}
