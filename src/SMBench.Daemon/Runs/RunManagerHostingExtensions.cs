using Akka.Hosting;
using SMBench.Daemon.Metrics;

namespace SMBench.Daemon.Runs;

public static class RunManagerHostingExtensions
{
    /// <summary>Starts the <see cref="RunManager"/> as <c>/user/runs</c> and registers it (IRequiredActor&lt;RunManager&gt;).</summary>
    public static AkkaConfigurationBuilder AddRunManager(this AkkaConfigurationBuilder builder, RunManagerOptions options,
        DaemonMetrics? metrics = null)
        => builder.WithActors((system, registry) =>
            registry.Register<RunManager>(system.ActorOf(RunManager.Props(options, metrics), "runs")));
}
