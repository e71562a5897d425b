using System.CommandLine;
using SMBench.Actors.Backends;
using SMBench.Daemon.Runs;
using SMBench.Streams.Runs;

namespace SMBench.Daemon.Cli;

/// <summary><c>smbench replay</c>: runs a workload in-process and prints (or --json emits) the summary.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var workload = new Argument<string>("workload") { Description = "Workload directory or workload.json/.jsonl" };
        var target = new Option<string?>("--target") { Description = "smb://host[:port]/share or file:///dir" };
        var backend = new Option<string?>("--backend") { Description = "smb | local | null (default: from --target; null without one)" };
        backend.AcceptOnlyFromAmong("smb", "local", "null");
        var user = new Option<string?>("--user") { Description = "smb: user for every client (DOMAIN\\user or user@realm)" };
        var passwordEnv = new Option<string>("--password-env")
        {
            Description = "smb: environment variable holding --user's password", DefaultValueFactory = _ => CredentialOptions.DefaultPasswordEnv,
        };
        var credentials = new Option<string?>("--credentials") { Description = "smb: credentials file mapping client_id to users" };
        var mode = new Option<string>("--mode") { Description = "mvp | realistic | full", DefaultValueFactory = _ => "mvp" };
        mode.AcceptOnlyFromAmong("mvp", "realistic", "full");
        var timeScale = new Option<double>("--time-scale") { Description = "1 real time, 0.5 twice as fast, 0 as fast as possible", DefaultValueFactory = _ => 1.0 };
        var root = new Option<string?>("--root") { Description = "Folder under the target for this run's files (default smbench/<run-id>; '/' replays in place)" };
        var results = new Option<string?>("--results") { Description = "Results directory (default results/<run-id>)" };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on stdout, nothing else" };
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Ops outstanding per client", DefaultValueFactory = _ => 1 };
        var maxErrorRate = new Option<double>("--max-error-rate") { Description = "Failed share above which the exit code is 1", DefaultValueFactory = _ => 0.01 };
        var nullLatency = new Option<double>("--null-latency-ms") { Description = "null backend: fixed latency per op" };
        var runId = new Option<string?>("--run-id") { Description = "Run id (default: timestamp + random suffix)" };
        var loop = new Option<int>("--loop") { Description = "Replay the workload N times, each pass after the previous", DefaultValueFactory = _ => 1 };
        var duration = new Option<string?>("--duration") { Description = "Replay the workload in a loop until this much run time has passed (90s, 10m, 1h)" };
        var connections = new Option<string?>("--connections")
        {
            Description = "smb: per-client (default: each client its own TCP connection) or shared:N (N connections carrying every client's own session)",
        };
        var daemon = new Option<string?>("--daemon") { Description = "Submit the run to the smbench daemon at URL (token from SMBENCH_API_TOKEN) instead of running here" };
        var command = new Command("replay", "Replay a workload against a target, keeping the captured timing.")
        {
            workload, target, backend, mode, timeScale, root, results, json, maxInFlight, maxErrorRate, nullLatency, runId, daemon,
            loop, duration, connections,
            user, passwordEnv, credentials,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new ReplayCliOptions(
                parse.GetRequiredValue(workload), parse.GetValue(target), parse.GetValue(backend), parse.GetValue(mode)!,
                parse.GetValue(timeScale), parse.GetValue(root), parse.GetValue(results), parse.GetValue(json),
                parse.GetValue(maxInFlight), parse.GetValue(maxErrorRate), parse.GetValue(nullLatency),
                parse.GetValue(runId) ?? ReplayRequest.NewRunId(),
                new CredentialOptions(parse.GetValue(user), parse.GetValue(passwordEnv)!, parse.GetValue(credentials)))
            {
                Loop = parse.GetValue(loop), Duration = parse.GetValue(duration), Connections = parse.GetValue(connections),
            };
            return parse.GetValue(daemon) is { } url
                ? await Ctl.RemoteReplay.RunAsync(options, url, ct)
                : await ReplayExecution.RunAsync(options, ct);
        });
        return command;
    }
}

internal sealed record ReplayCliOptions(string Workload, string? Target, string? Backend, string Mode, double TimeScale,
    string? Root, string? Results, bool Json, int MaxInFlight, double MaxErrorRate, double NullLatencyMs, string RunId,
    CredentialOptions Credentials)
{
    /// <summary>--loop N (1: play once).</summary>
    public int Loop { get; init; } = 1;
    /// <summary>--duration as typed; parsed by <see cref="ParsedLoop"/>.</summary>
    public string? Duration { get; init; }
    /// <summary>--connections as typed (<see cref="Runs.ConnectionsOption"/>).</summary>
    public string? Connections { get; init; }

    /// <summary>The loop the options ask for; throws FormatException for a bad --loop or --duration.</summary>
    public SMBench.Streams.Runs.ReplayLoop ParsedLoop => Loop < 1
        ? throw new FormatException("--loop must be 1 or more")
        : new(Loop, Duration == null ? null : DurationText.Parse(Duration));

    public ReplayMode ParsedMode => Enum.Parse<ReplayMode>(Mode, ignoreCase: true);

    /// <summary>Builds the backend the options ask for; throws FormatException for bad combinations.</summary>
    public (IReplayBackend Backend, string? TargetText) CreateBackend()
        => BackendFactory.Create(Workload, Target, Backend, Root, RunId, NullLatencyMs, ParsedMode, Credentials, Connections);
}
