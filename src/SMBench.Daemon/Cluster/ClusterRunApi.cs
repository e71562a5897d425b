using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Http;
using SMBench.Core.Ir;
using SMBench.Daemon.Http;
using SMBench.Daemon.Runs;
using SMBench.Streams.Runs;
using static SMBench.Daemon.Cluster.ClusterRunProtocol;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// <c>/api/runs</c> in cluster mode: a submission is checked here (the same 400/422 rules as a single node), then
/// handed to the coordinator singleton; status, list and stop ask it too, falling back to this node's own runs.
/// </summary>
public static class ClusterRunApi
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);

    public static async Task<IResult> SubmitAsync(HttpRequest http, ActorRegistry registry, ActorSystem system, CancellationToken ct)
    {
        try
        {
            var submission = await RunSubmission.ParseAsync(http.Body, ct);
            var workload = submission.ResolveWorkload();
            var id = submission.RunId ?? ReplayRequest.NewRunId();
            var spec = await Task.Run(() => Preflight(submission, workload, id, registry, system), ct);
            var answer = await registry.Get<ClusterRunCoordinator>().Ask<object>(new SubmitRun(spec), AskTimeout, ct);
            switch (answer)
            {
                case RunAccepted accepted:
                    http.HttpContext.Response.Headers.Location = $"/api/runs/{accepted.RunId}";
                    return Results.Json(new { id = accepted.RunId, state = accepted.State }, ApiJson.Options, statusCode: 202);
                case RunRefused refused when refused.Reason.Contains("already exists", StringComparison.Ordinal):
                    return Results.Json(new ApiError(refused.Reason), ApiJson.Options, statusCode: 422);
                case RunRefused refused:
                    return Results.Json(new ApiError(refused.Reason), ApiJson.Options, statusCode: 409);
                default:
                    return Results.Json(new ApiError("the cluster coordinator gave no usable answer"), ApiJson.Options, statusCode: 500);
            }
        }
        catch (ApiRequestException e)
        {
            return Results.Json(new ApiError(e.Message), ApiJson.Options, statusCode: e.Status);
        }
        catch (Exception e) when (e is ReplayRefusedException or WorkloadException)
        {
            return Results.Json(new ApiError(e.Message), ApiJson.Options, statusCode: 422);
        }
        catch (AskTimeoutException)
        {
            return Results.Json(new ApiError("the cluster coordinator did not answer in time (is a majority of nodes up?)"), ApiJson.Options, statusCode: 503);
        }
    }

    /// <summary>Validates like a single-node run, then counts each client's ops and digests the workload.</summary>
    private static ClusterRunSpec Preflight(RunSubmission s, string workload, string id, ActorRegistry registry, ActorSystem system)
    {
        var credentials = s.User != null || s.Credentials != null
            ? new Cli.CredentialOptions(s.User, s.PasswordEnv ?? Cli.CredentialOptions.DefaultPasswordEnv, s.Credentials)
            : null;
        Actors.Backends.IReplayBackend backend;
        string? target;
        try
        {
            (backend, target) = BackendFactory.Create(workload, s.Target, s.Backend, s.Root, id, s.NullLatencyMs, s.Mode, credentials,
                s.Connections);
        }
        catch (FormatException e)
        {
            throw RunSubmission.Unprocessable(e.Message.Replace("--target", "target", StringComparison.Ordinal));
        }
        string backendName;
        Core.Ir.Validation.ValidationReport report;
        try
        {
            backendName = backend.Name;
            report = ReplayRunner.Preflight(new ReplayRequest { WorkloadPath = workload, Backend = backend, ResultsDir = "", Mode = s.Mode, RunId = id });
        }
        finally
        {
            backend.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        var digest = WorkloadBundles.Digest(workload);
        registry.Get<NodeAgent>().Tell(new NodeAgentProtocol.Offer(digest, workload));
        return new ClusterRunSpec
        {
            RunId = id, WorkloadPath = workload, WorkloadDigest = digest,
            Origin = Akka.Cluster.Cluster.Get(system).SelfAddress.ToString(),
            Target = s.Target, Backend = backendName, Mode = ReplayRunner.Name(s.Mode), TimeScale = s.TimeScale, Root = s.Root,
            User = s.User, PasswordEnv = s.PasswordEnv, Credentials = s.Credentials, MaxInFlight = s.MaxInFlight,
            NullLatencyMs = s.NullLatencyMs, SubmittedAt = DateTimeOffset.UtcNow,
            Loops = s.Loop.Loops, DurationS = s.Loop.Duration?.TotalSeconds, Connections = s.Connections,
            Clients = ClientOps.From(report, s.Loop),
        };
    }

    /// <summary>The cluster run, or null when the coordinator does not know the id (a local run, or none).</summary>
    public static async Task<ClusterRunRecord?> GetAsync(ActorRegistry registry, string id, CancellationToken ct)
        => await registry.Get<ClusterRunCoordinator>().Ask<object>(new GetRun(id), AskTimeout, ct) is RunView view
            ? ClusterRunRecord.From(view.Run)
            : null;

    public static async Task<IReadOnlyList<ClusterRunRecord>> ListAsync(ActorRegistry registry, CancellationToken ct)
    {
        var list = await registry.Get<ClusterRunCoordinator>().Ask<RunList>(new ListRuns(), AskTimeout, ct);
        return list.Runs.Select(ClusterRunRecord.From).ToList();
    }

    /// <summary>Stops a cluster run; null when the coordinator does not know the id.</summary>
    public static async Task<IResult?> StopAsync(ActorRegistry registry, string id, CancellationToken ct)
        => await registry.Get<ClusterRunCoordinator>().Ask<object>(new StopRun(id, "stopped through the API"), AskTimeout, ct) switch
        {
            RunAccepted a => Results.Json(new { id = a.RunId, state = a.State }, ApiJson.Options, statusCode: 202),
            RunRefused r => Results.Json(new ApiError(r.Reason), ApiJson.Options, statusCode: 409),
            _ => null,
        };
}
