using SMBench.Daemon.Cli;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Daemon.Cluster;
using SMBench.Daemon.Hosting;
using SMBench.Daemon.Metrics;
using SMBench.Daemon.Runs;
using SMBench.Streams.Runs;
using static SMBench.Daemon.Runs.RunManagerProtocol;

namespace SMBench.Daemon.Http;

/// <summary><c>/api/runs</c>: submit, list, inspect, stop runs and read their results.</summary>
public static class RunEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/runs", SubmitAsync)
            .WithSummary("Queue a replay: {workload, target, backend, mode, time_scale, root, user, password_env, credentials} → 202 {id, state}");
        app.MapGet("/api/runs", async (IRequiredActor<RunManager> runs, DaemonSettings settings, ActorRegistry registry, CancellationToken ct) =>
        {
            var list = await runs.ActorRef.Ask<RunList>(new ListRuns(), AskTimeout);
            if (!settings.Cluster.Enabled) return Results.Json(new { runs = list.Runs }, ApiJson.Options);
            // Cluster mode: the cluster's runs first (newest first), then this node's own single-node runs.
            var clustered = await ClusterRunApi.ListAsync(registry, ct);
            return Results.Json(new { runs = clustered.Cast<object>().Concat(list.Runs).ToList() }, ApiJson.Options);
        }).WithSummary("All runs, newest first");
        app.MapGet("/api/runs/{id}", async (string id, IRequiredActor<RunManager> runs, DaemonSettings settings, ActorRegistry registry,
                CancellationToken ct) =>
        {
            if (settings.Cluster.Enabled && await ClusterRunApi.GetAsync(registry, id, ct) is { } clustered)
                return Results.Json(clustered, ApiJson.Options);
            return await runs.ActorRef.Ask<object>(new GetRun(id), AskTimeout) switch
            {
                RunRecord r => Results.Json(r, ApiJson.Options),
                _ => NotFound(id),
            };
        }).WithSummary("One run: {id, state, progress, summary} (summary so far while running)");
        app.MapPost("/api/runs/{id}/stop", async (string id, IRequiredActor<RunManager> runs, DaemonSettings settings, ActorRegistry registry,
                CancellationToken ct) =>
            settings.Cluster.Enabled && await ClusterRunApi.StopAsync(registry, id, ct) is { } clustered ? clustered :
            await runs.ActorRef.Ask<object>(new StopRun(id, "stopped through the API"), AskTimeout) switch
            {
                StopAccepted s => Results.Json(new { id = s.Run.Id, state = s.Run.State }, ApiJson.Options, statusCode: 202),
                AlreadyEnded e => Results.Json(new ApiError($"run {id} already ended ({e.Run.State})"), ApiJson.Options, statusCode: 409),
                _ => NotFound(id),
            }).WithSummary("Stop a run (queued: dropped; running: drained, journal kept)");
        app.MapGet("/api/runs/{id}/report", ReportAsync)
            .WithSummary("The run's HTML report (self-contained; rendered from its journal, so far while running)");
        app.MapGet("/api/runs/{id}/results", ResultsAsync)
            .WithSummary("The run's summary (default, so far while running) or ?format=ops for ops.jsonl streamed as NDJSON");
    }

    private static async Task<IResult> SubmitAsync(HttpRequest http, IRequiredActor<RunManager> runs, RunManagerOptions options,
        DaemonMetrics metrics, DaemonSettings settings, ActorRegistry registry, ActorSystem system, CancellationToken ct)
    {
        if (settings.Cluster.Enabled) return await ClusterRunApi.SubmitAsync(http, registry, system, ct);
        IReplayBackend? backend = null;
        try
        {
            var submission = await RunSubmission.ParseAsync(http.Body, ct);
            var workload = submission.ResolveWorkload();
            var id = submission.RunId ?? ReplayRequest.NewRunId();
            var resultsDir = options.ResultsDirFor(id);
            if (Directory.Exists(resultsDir)) throw RunSubmission.Unprocessable($"run id '{id}' is already used under {options.RunsDir}");
            (backend, var targetText) = BackendFor(submission, workload, id);
            var request = new ReplayRequest
            {
                WorkloadPath = workload, Backend = backend, ResultsDir = resultsDir, Mode = submission.Mode,
                TimeScale = submission.TimeScale, RunId = id, Target = targetText,
                MaxInFlightPerClient = submission.MaxInFlight, Observer = metrics, Loop = submission.Loop,
            };
            var report = ReplayRunner.Preflight(request);
            var answer = await runs.ActorRef.Ask<RunRecord>(new Submit(request, submission.Loop.Duration != null ? -1 : report.OpsIssued(submission.Loop.Loops), report.Clients), AskTimeout, ct);
            backend = null; // the run manager owns the backend now
            http.HttpContext.Response.Headers.Location = $"/api/runs/{answer.Id}";
            return Results.Json(new { id = answer.Id, state = answer.State }, ApiJson.Options, statusCode: 202);
        }
        catch (ApiRequestException e)
        {
            return Results.Json(new ApiError(e.Message), ApiJson.Options, statusCode: e.Status);
        }
        catch (Exception e) when (e is ReplayRefusedException or WorkloadException)
        {
            return Results.Json(new ApiError(e.Message), ApiJson.Options, statusCode: 422);
        }
        catch (InvalidOperationException e)
        {
            return Results.Json(new ApiError(e.Message), ApiJson.Options, statusCode: 409);
        }
        finally
        {
            if (backend != null) await backend.DisposeAsync();
        }
    }

    private static (IReplayBackend Backend, string? TargetText) BackendFor(RunSubmission s, string workload, string id)
    {
        try
        {
            var credentials = s.User != null || s.Credentials != null
                ? new CredentialOptions(s.User, s.PasswordEnv ?? CredentialOptions.DefaultPasswordEnv, s.Credentials)
                : null;
            return BackendFactory.Create(workload, s.Target, s.Backend, s.Root, id, s.NullLatencyMs, s.Mode, credentials, s.Connections);
        }
        catch (FormatException e)
        {
            throw RunSubmission.Unprocessable(e.Message.Replace("--target", "target", StringComparison.Ordinal));
        }
    }

    private static async Task<IResult> ResultsAsync(string id, string? format, HttpContext http, IRequiredActor<RunManager> runs,
        DaemonSettings settings, ActorRegistry registry)
    {
        var run = await runs.ActorRef.Ask<object>(new GetRun(id), AskTimeout) as RunRecord;
        if (settings.Cluster.Enabled && await ClusterRunApi.GetAsync(registry, id, http.RequestAborted) is { } clustered)
        {
            // A cluster run: its merged summary; ?format=ops serves this node's own journal of it.
            if ((format is null or "summary") && clustered.Summary == null)
                return Results.Json(new ApiError($"run {id} has no merged summary yet ({clustered.State}); GET /api/runs/{id} shows its progress"),
                    ApiJson.Options, statusCode: 409);
            run = new RunRecord
            {
                Id = id, State = clustered.State, Summary = clustered.Summary, ResultsDir = Path.Combine(settings.DataDir, "runs", id),
            };
        }
        if (run == null) return NotFound(id);
        if (format is null or "summary")
        {
            var summary = run.Summary ?? ReadSummary(run);
            return summary == null
                ? Results.Json(new ApiError($"run {id} has no summary yet ({run.State})"), ApiJson.Options, statusCode: 409)
                : Results.Text(summary.ToJson(), "application/json");
        }
        if (format is not ("ops" or "jsonl"))
            return Results.Json(new ApiError($"format '{format}' is not one of summary, ops"), ApiJson.Options, statusCode: 400);
        var journal = run.ResultsDir == null ? null : Path.Combine(run.ResultsDir, ResultsJournal.FileName);
        if (journal == null || !File.Exists(journal))
            return Results.Json(new ApiError($"run {id} has no ops.jsonl yet ({run.State})"), ApiJson.Options, statusCode: 409);
        // Shared read: a running run keeps appending; the reader gets whole lines up to where the file was at open.
        var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
        return Results.Stream(stream, "application/x-ndjson");
    }

    private static async Task<IResult> ReportAsync(string id, IRequiredActor<RunManager> runs, CancellationToken ct)
    {
        if (await runs.ActorRef.Ask<object>(new GetRun(id), AskTimeout) is not RunRecord run) return NotFound(id);
        if (run.ResultsDir == null || !File.Exists(Path.Combine(run.ResultsDir, ResultsJournal.FileName)))
            return Results.Json(new ApiError($"run {id} has no results yet ({run.State})"), ApiJson.Options, statusCode: 409);
        // Rendering reads the whole journal once: keep it off the request thread pool's hot path.
        var html = await Task.Run(() => Reports.ReportRenderer.Render(Reports.RunReport.Load(run.ResultsDir, ct)), ct);
        return Results.Text(html, "text/html; charset=utf-8");
    }

    private static RunSummary? ReadSummary(RunRecord run)
    {
        var path = run.ResultsDir == null ? null : Path.Combine(run.ResultsDir, ReplayCoordinator.SummaryFileName);
        return path != null && File.Exists(path) ? RunSummary.FromJson(File.ReadAllText(path)) : null;
    }

    private static IResult NotFound(string id)
        => Results.Json(new ApiError($"no run with id '{id}' (GET /api/runs lists them)"), ApiJson.Options, statusCode: 404);
}
