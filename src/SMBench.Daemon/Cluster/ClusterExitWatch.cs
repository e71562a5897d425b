using Akka.Actor;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// Cluster mode: when this node is downed (split-brain resolver, or `cluster down`) or leaves, its actor system shuts
/// down on its own. The daemon then has nothing left to do: stop the host and exit non-zero, so a service manager
/// (systemd Restart=on-failure, compose restart: on-failure) starts a fresh node that joins again.
/// </summary>
public sealed class ClusterExitWatch(ActorSystem system, IHostApplicationLifetime lifetime, ILogger<ClusterExitWatch> log) : IHostedService
{
    /// <summary>True once the actor system ended while the host was not stopping.</summary>
    public bool LeftCluster { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        system.WhenTerminated.ContinueWith(_ =>
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested) return;
            LeftCluster = true;
            log.LogError("this node left the cluster or was downed; its actor system has stopped, so the daemon stops (exit 1)");
            lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
