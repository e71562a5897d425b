using System.Text.Json;
using System.Text.RegularExpressions;
using SMBench.Actors.Backends;
using SMBench.Daemon.Cli;
using SMBench.Daemon.Runs;

namespace SMBench.Daemon.Http;

/// <summary>
/// The body of <c>POST /api/runs</c> (design.md §5), checked field by field: 400 for malformed JSON, wrong types
/// and unknown values; 422 for well-formed requests that cannot run here (missing workload, unusable credentials).
/// </summary>
public sealed partial record RunSubmission
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "workload", "target", "backend", "mode", "time_scale", "root", "user", "password_env", "credentials",
        "run_id", "max_in_flight", "null_latency_ms", "loop", "duration", "connections",
    ];

    public required string Workload { get; init; }
    public string? Target { get; init; }
    public string? Backend { get; init; }
    public ReplayMode Mode { get; init; } = ReplayMode.Mvp;
    public double TimeScale { get; init; } = 1.0;
    public string? Root { get; init; }
    public string? User { get; init; }
    public string? PasswordEnv { get; init; }
    public string? Credentials { get; init; }
    public string? RunId { get; init; }
    public int MaxInFlight { get; init; } = 1;
    public double NullLatencyMs { get; init; }
    /// <summary><c>loop</c> (passes) and <c>duration</c> (seconds, or "10m" as on the CLI).</summary>
    public SMBench.Streams.Runs.ReplayLoop Loop { get; init; } = SMBench.Streams.Runs.ReplayLoop.Once;
    /// <summary><c>per-client</c> (null) or <c>shared:N</c>, smb backend only.</summary>
    public string? Connections { get; init; }

    public static async Task<RunSubmission> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0) throw Bad("the body is empty: send a JSON object such as {\"workload\": \"/path/to/workload\", \"backend\": \"null\"}");
        // System.Text.Json only checks UTF-8 when a string is decoded, and then throws InvalidOperationException (a 500).
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))) throw Bad("the body is not valid UTF-8 JSON");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw Bad($"malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
        using (doc) return FromJson(doc.RootElement);
    }

    public static RunSubmission FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad($"the body must be a JSON object, not {Kind(root)}");
        foreach (var p in root.EnumerateObject())
            if (!Fields.Contains(p.Name))
                throw Bad($"unknown field '{p.Name}' (known: {string.Join(", ", Fields)})");
        var workload = Text(root, "workload") ?? throw Bad("field 'workload' is required: a workload directory or workload.json/.jsonl on the daemon host");
        var target = Text(root, "target");
        if (target != null)
        {
            try { TargetSpec.Parse(target); }
            // ArgumentException: what Path.GetFullPath throws for a NUL in a plain path.
            catch (Exception e) when (e is FormatException or UriFormatException or ArgumentException) { throw Bad($"field 'target': {e.Message}"); }
        }
        var backend = Text(root, "backend");
        if (backend != null && !BackendFactory.Known.Contains(backend))
            throw Bad($"field 'backend': '{backend}' is not one of {string.Join(", ", BackendFactory.Known)}");
        var modeText = Text(root, "mode") ?? "mvp";
        if (modeText is not ("mvp" or "realistic" or "full"))
            throw Bad($"field 'mode': '{modeText}' is not one of mvp, realistic, full");
        var timeScale = Number(root, "time_scale") ?? 1.0;
        // 1e999 reads as infinity: due times would never come.
        if (timeScale < 0 || !double.IsFinite(timeScale)) throw Bad($"field 'time_scale' must be 0 or more, and finite (got {timeScale})");
        var runId = Text(root, "run_id");
        if (runId != null && !RunIdPattern().IsMatch(runId))
            throw Bad($"field 'run_id': '{runId}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        var maxInFlight = Number(root, "max_in_flight") ?? 1;
        if (maxInFlight < 1 || maxInFlight != Math.Floor(maxInFlight)) throw Bad("field 'max_in_flight' must be a whole number ≥ 1");
        var nullLatency = Number(root, "null_latency_ms") ?? 0;
        if (nullLatency < 0 || !double.IsFinite(nullLatency)) throw Bad("field 'null_latency_ms' must be a finite number, 0 or more");
        var loop = Number(root, "loop") ?? 1;
        if (loop < 1 || loop != Math.Floor(loop) || loop > int.MaxValue) throw Bad("field 'loop' must be a whole number ≥ 1");
        TimeSpan? duration = null;
        if (root.TryGetProperty("duration", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            try
            {
                duration = d.ValueKind switch
                {
                    JsonValueKind.Number => DurationText.Parse(d.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    JsonValueKind.String => DurationText.Parse(d.GetString()!),
                    _ => throw Bad($"field 'duration' must be seconds or a text such as \"10m\", not {Kind(d)}"),
                };
            }
            catch (FormatException e) { throw Bad($"field 'duration': {e.Message}"); }
        }
        var connections = Text(root, "connections");
        try { _ = ConnectionsOption.Parse(connections); }
        catch (FormatException e) { throw Bad($"field 'connections': {e.Message.Replace("--connections ", "", StringComparison.Ordinal)}"); }
        return new RunSubmission
        {
            Loop = new SMBench.Streams.Runs.ReplayLoop((int)loop, duration), Connections = connections,
            Workload = workload, Target = target, Backend = backend, Mode = Enum.Parse<ReplayMode>(modeText, ignoreCase: true),
            TimeScale = timeScale, Root = Text(root, "root"), User = Text(root, "user"), PasswordEnv = Text(root, "password_env"),
            Credentials = Text(root, "credentials"), RunId = runId, MaxInFlight = (int)maxInFlight, NullLatencyMs = nullLatency,
        };
    }

    /// <summary>Checks what only the daemon host can tell: the workload and credentials exist here. Throws 422.</summary>
    public string ResolveWorkload()
    {
        var full = Path.GetFullPath(Workload);
        if (!Directory.Exists(full) && !File.Exists(full))
            throw Unprocessable($"workload '{Workload}' not found on the daemon host (resolved to {full}; relative paths are " +
                                $"taken from the daemon's working directory {Environment.CurrentDirectory})");
        if (Credentials != null && !File.Exists(Path.GetFullPath(Credentials)))
            throw Unprocessable($"credentials file '{Credentials}' not found on the daemon host");
        if (PasswordEnv != null && Environment.GetEnvironmentVariable(PasswordEnv) == null)
            throw Unprocessable($"password_env: the environment variable {PasswordEnv} is not set in the daemon's environment");
        return full;
    }

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw Bad($"field '{name}' must be a string, not {Kind(v)}");
        var s = v.GetString()!;
        return s.Length == 0 ? throw Bad($"field '{name}' must not be empty") : s;
    }

    private static double? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Number) throw Bad($"field '{name}' must be a number, not {Kind(v)}");
        return v.GetDouble();
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    internal static ApiRequestException Bad(string message) => new(400, message);

    internal static ApiRequestException Unprocessable(string message) => new(422, message);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex RunIdPattern();
}
