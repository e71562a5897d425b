using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SMBench.Daemon.Runs;

namespace SMBench.Daemon.Hosting;

/// <summary>
/// On SIGTERM/SIGINT, before the actor system goes down: stops every run and waits until each has drained and
/// written its journal and summary (bounded by smbench.daemon.shutdown-timeout). Registered after AddAkka, so the
/// host stops it first.
/// </summary>
public sealed class RunShutdownService(IRequiredActor<RunManager> runs, DaemonSettings settings,
    ILogger<RunShutdownService> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            var manager = await runs.GetAsync(cancellationToken).ConfigureAwait(false);
            var stopped = await manager.Ask<RunManagerProtocol.AllStopped>(
                new RunManagerProtocol.StopAll("the daemon is shutting down"), settings.ShutdownTimeout, cancellationToken)
                .ConfigureAwait(false);
            if (stopped.Stopped > 0) log.LogInformation("runs stopped and their results written");
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or OperationCanceledException)
        {
            log.LogWarning("runs did not finish stopping within {Timeout}; their journals hold what completed", settings.ShutdownTimeout);
        }
    }
}
