using System.Diagnostics;
using System.Text.Json;
using Akka.Actor;
using Akka.Streams;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using SMBench.Core.Results;
using SMBench.Streams.Timing;

namespace SMBench.Streams.Runs;

/// <summary>
/// Runs one replay in an actor system: checks the workload and the backend before anything is sent, then drives
/// a <see cref="ReplayCoordinator"/> with the streams graph and reports progress until the summary is written.
/// </summary>
public static class ReplayRunner
{
    public const string RunInfoFileName = "run.json";

    /// <summary>Validates and checks capabilities; throws <see cref="ReplayRefusedException"/> with the reasons.</summary>
    public static ValidationReport Preflight(ReplayRequest request)
    {
        var report = new WorkloadValidator().Validate(request.WorkloadPath);
        if (!report.IsValid)
            throw new ReplayRefusedException("the workload is invalid:\n  " + string.Join("\n  ", report.Errors.Select(e => e.Message)));
        var caps = request.Backend.Capabilities;
        if (!caps.Modes.Contains(request.Mode))
            throw new ReplayRefusedException(
                $"the {request.Backend.Name} backend cannot replay in {Name(request.Mode)} mode (it supports: " +
                $"{string.Join(", ", caps.Modes.Select(Name))}); use --backend smb for realistic or full fidelity");
        if (request.Mode != ReplayMode.Mvp && report.OpsWithSmbExtensions == 0)
            throw new ReplayRefusedException(
                $"{Name(request.Mode)} mode replays captured dispositions, access and share modes, but this workload has " +
                "no extensions.smb_protocol data (compile it from a capture), or use --mode mvp");
        return report;
    }

    public static string Name(ReplayMode mode) => mode.ToString().ToLowerInvariant();

    /// <param name="preflight">The report of an earlier <see cref="Preflight"/> of this request (saves a pass).</param>
    public static async Task<ReplayCoordinatorProtocol.RunFinished> RunAsync(ActorSystem system, ReplayRequest request,
        IProgress<ReplayProgress>? progress = null, CancellationToken cancellationToken = default, ValidationReport? preflight = null)
    {
        var report = preflight ?? Preflight(request);
        var clientIds = request.Clients == null ? report.ClientIds : report.ClientIds.Where(request.Clients.Contains).ToList();
        var total = request.Clients != null || request.Loop.Duration != null ? -1 : report.OpsIssued(request.Loop.Loops);
        Directory.CreateDirectory(request.ResultsDir);
        var template = new RunSummary
        {
            RunId = request.RunId, Workload = request.WorkloadPath, Backend = request.Backend.Name, Mode = Name(request.Mode),
            Target = request.Target, TimeScale = request.TimeScale,
        };
        WriteRunInfo(request, report);

        var plan = new RunPlan
        {
            RunId = request.RunId,
            ClientIds = clientIds,
            Backend = request.Backend,
            Pipeline = new ReplayGraph(system.Materializer(), clock => Schedule(request, report, clock)),
            ResultsDir = request.ResultsDir,
            Mode = request.Mode,
            MaxInFlightPerClient = request.MaxInFlightPerClient,
            InFlightLimit = request.InFlightLimit,
            Node = request.Node,
            SummaryTemplate = template,
            Observer = request.Observer,
            BreaksExpected = request.Mode == ReplayMode.Full ? report.BreakAnswersRecorded : null,
            StartBarrier = request.StartBarrier,
        };
        var coordinator = system.ActorOf(ReplayCoordinator.Props(), $"run-{request.RunId}");
        var finished = coordinator.Ask<ReplayCoordinatorProtocol.RunFinished>(new ReplayCoordinatorProtocol.StartRun(plan),
            Timeout.InfiniteTimeSpan, CancellationToken.None);
        await using var stop = cancellationToken.Register(() => coordinator.Tell(new ReplayCoordinatorProtocol.StopRun("cancelled by the user")));
        var watch = Stopwatch.StartNew();
        while (progress != null && await Task.WhenAny(finished, Task.Delay(500, CancellationToken.None)).ConfigureAwait(false) != finished)
        {
            try
            {
                var p = await coordinator.Ask<ReplayCoordinatorProtocol.RunProgress>(new ReplayCoordinatorProtocol.GetProgress(),
                    TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                progress.Report(new ReplayProgress(p.State, p.Released, p.Completed, p.Failed, total, watch.Elapsed));
            }
            catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
            {
                // The coordinator finished between the two checks, or is busy: the next round will tell.
            }
        }
        return await finished.ConfigureAwait(false);
    }

    private static IEnumerable<ScheduledOp> Schedule(ReplayRequest request, ValidationReport report, RunClock clock)
    {
        var recordedUs = request.Loop.IsLooping
            ? (long)(WorkloadReader.Open(request.WorkloadPath).Header.Metadata.DurationSeconds * 1e6)
            : 0;
        var spanUs = Math.Max(recordedUs, (long)(report.DurationSeconds * 1e6));
        return ReplayPasses.Schedule(() => ReadPass(request), request.TimeScale, request.Loop, spanUs, () => clock.NowUs);
    }

    private static IEnumerable<IrOperation> ReadPass(ReplayRequest request)
    {
        var reader = WorkloadReader.Open(request.WorkloadPath);
        foreach (var op in reader.ReadOperations())
        {
            if (request.Clients != null && !request.Clients.Contains(op.ClientId)) continue;
            yield return op;
        }
    }

    private static void WriteRunInfo(ReplayRequest request, ValidationReport report)
    {
        var info = new Dictionary<string, object?>
        {
            ["run_id"] = request.RunId,
            ["workload"] = Path.GetFullPath(request.WorkloadPath),
            ["backend"] = request.Backend.Name,
            ["mode"] = Name(request.Mode),
            ["target"] = request.Target,
            ["time_scale"] = request.TimeScale,
            ["loop"] = request.Loop.Loops,
            ["duration_s"] = request.Loop.Duration?.TotalSeconds,
            ["node"] = request.Node,
            ["ops_in_workload"] = report.OpsTotal,
            ["clients_in_workload"] = report.Clients,
            ["started_at"] = DateTimeOffset.UtcNow,
            ["smbench_version"] = typeof(ReplayRunner).Assembly.GetName().Version?.ToString(),
        };
        File.WriteAllText(Path.Combine(request.ResultsDir, RunInfoFileName),
            JsonSerializer.Serialize(info, new JsonSerializerOptions { WriteIndented = true }));
    }
}
