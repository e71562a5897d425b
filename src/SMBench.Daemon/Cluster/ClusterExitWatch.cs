using Akka.Actor;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// Cluster mode: when this node is downed (split-brain resolver, or `cluster down`), leaves, or cannot join, its
/// actor system shuts down on its own. The daemon then has nothing left to do: it stops and exits 1, so a service
/// manager (systemd Restart=on-failure, compose restart: on-failure) starts a fresh node that joins again. A stop
/// asked of the daemon itself (SIGTERM) still exits 0.
/// </summary>
public sealed class ClusterExitWatch(ActorSystem system, IHostApplicationLifetime lifetime, ILogger<ClusterExitWatch> log) : IHostedService
{
    /// <summary>True when the actor system ended because this node is no longer a cluster member.</summary>
    public bool LeftCluster => CoordinatedShutdown.Get(system).ShutdownReason is CoordinatedShutdown.ClusterDowningReason
        or CoordinatedShutdown.ClusterLeavingReason or CoordinatedShutdown.ClusterJoinUnsuccessfulReason;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        system.WhenTerminated.ContinueWith(_ =>
        {
            if (!LeftCluster) return;
            log.LogError("this node is no longer a cluster member ({Reason}); the daemon stops (exit 1)",
                CoordinatedShutdown.Get(system).ShutdownReason?.GetType().Name);
            lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
