using System.Globalization;
using System.Text.Json;

namespace SMBench.Daemon.Reports;

/// <summary><c>run.json</c> in a results directory: what was replayed, where, and how.</summary>
public sealed record RunInfo
{
    public string? RunId { get; init; }
    public string? Workload { get; init; }
    public string? Backend { get; init; }
    public string? Mode { get; init; }
    public string? Target { get; init; }
    public double? TimeScale { get; init; }
    public string? Node { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? SmbenchVersion { get; init; }
    public long? OpsInWorkload { get; init; }

    /// <summary>Reads <c>run.json</c>; an absent file gives an empty record (the report says "unknown").</summary>
    public static RunInfo Read(string resultsDir)
    {
        var path = Path.Combine(resultsDir, Streams.Runs.ReplayRunner.RunInfoFileName);
        if (!File.Exists(path)) return new RunInfo();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        return new RunInfo
        {
            RunId = Text(root, "run_id"),
            Workload = Text(root, "workload"),
            Backend = Text(root, "backend"),
            Mode = Text(root, "mode"),
            Target = Text(root, "target"),
            TimeScale = root.TryGetProperty("time_scale", out var ts) && ts.ValueKind == JsonValueKind.Number ? ts.GetDouble() : null,
            Node = Text(root, "node"),
            StartedAt = Text(root, "started_at") is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null,
            SmbenchVersion = Text(root, "smbench_version"),
            OpsInWorkload = root.TryGetProperty("ops_in_workload", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt64() : null,
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
