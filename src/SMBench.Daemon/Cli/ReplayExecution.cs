using Akka.Actor;
using Akka.Configuration;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Streams.Runs;

namespace SMBench.Daemon.Cli;

/// <summary>Runs a replay for the CLI: preflight, actor system, progress, summary and the exit code.</summary>
internal static class ReplayExecution
{
    private const string CliAkkaConfig = """
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """;

    public static async Task<int> RunAsync(ReplayCliOptions options, CancellationToken ct)
    {
        Akka.Actor.ActorSystem? system = null;
        try
        {
            var (backend, targetText) = options.CreateBackend();
            await using var _ = backend;
            var resultsDir = Path.GetFullPath(options.Results ?? Path.Combine("results", options.RunId));
            var request = new ReplayRequest
            {
                WorkloadPath = options.Workload, Backend = backend, ResultsDir = resultsDir, Mode = options.ParsedMode,
                TimeScale = options.TimeScale, RunId = options.RunId, Target = targetText,
                MaxInFlightPerClient = options.MaxInFlight, Loop = options.ParsedLoop,
            };
            if (options.TimeScale < 0) throw new FormatException("--time-scale must be 0 or more");
            var report = ReplayRunner.Preflight(request);
            system = ActorSystem.Create("smbench", ConfigurationFactory.ParseString(CliAkkaConfig));
            var actors = system;
            var finished = await LiveProgress.RunAsync("replay", options.Json, progress =>
                ReplayRunner.RunAsync(actors, request, new ReplayProgressAdapter(progress), ct, report));
            var summary = finished.Summary;
            if (options.Json) Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(summary, RunSummary.JsonOptions));
            else SummaryPrinter.Print(summary, resultsDir);
            if (finished.LoginFailure != null)
            {
                Console.Error.WriteLine($"smbench: could not log in to the target: {finished.LoginFailure}");
                return ExitCodes.Unreachable;
            }
            var failedShare = summary.OpsTotal == 0 ? 0 : (double)summary.OpsFailed / summary.OpsTotal;
            return failedShare > options.MaxErrorRate || summary.State == "failed" ? ExitCodes.RunFailures : ExitCodes.Ok;
        }
        catch (Exception e) when (e is ReplayRefusedException or WorkloadException or FormatException
                                       or Core.Credentials.CredentialsException)
        {
            Console.Error.WriteLine($"smbench: {e.Message}");
            return ExitCodes.Usage;
        }
        finally
        {
            if (system != null) await system.Terminate();
        }
    }
}
