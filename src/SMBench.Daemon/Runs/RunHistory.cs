using System.Text.Json;
using SMBench.Actors.Runs;
using SMBench.Core.Results;
using SMBench.Streams.Runs;

namespace SMBench.Daemon.Runs;

/// <summary>Runs of earlier daemon lives, read back from <c>&lt;data-dir&gt;/runs/*/</c> so listings survive restarts.</summary>
internal static class RunHistory
{
    public static IEnumerable<RunRecord> Load(string runsDir)
    {
        if (!Directory.Exists(runsDir)) yield break;
        foreach (var dir in Directory.EnumerateDirectories(runsDir))
        {
            var record = TryLoad(dir);
            if (record != null) yield return record;
        }
    }

    private static RunRecord? TryLoad(string dir)
    {
        var id = Path.GetFileName(dir);
        var summaryPath = Path.Combine(dir, ReplayCoordinator.SummaryFileName);
        var infoPath = Path.Combine(dir, ReplayRunner.RunInfoFileName);
        try
        {
            if (File.Exists(summaryPath))
            {
                var s = RunSummary.FromJson(File.ReadAllText(summaryPath));
                return new RunRecord
                {
                    Id = id, State = RunStates.IsTerminal(s.State) ? s.State : RunStates.Failed, Workload = s.Workload,
                    Target = s.Target, Backend = s.Backend, Mode = s.Mode, TimeScale = s.TimeScale,
                    SubmittedAt = s.StartedAt ?? File.GetCreationTimeUtc(summaryPath), StartedAt = s.StartedAt, EndedAt = s.EndedAt,
                    Error = s.Error, ResultsDir = dir, Summary = s,
                    Progress = new RunProgressInfo { Completed = s.OpsTotal, Released = s.OpsTotal, Failed = s.OpsFailed, Clients = s.Clients, ElapsedS = s.DurationS },
                };
            }
            if (!File.Exists(infoPath)) return null;
            using var info = JsonDocument.Parse(File.ReadAllText(infoPath));
            var root = info.RootElement;
            var started = root.TryGetProperty("started_at", out var st) && st.TryGetDateTimeOffset(out var t) ? t : (DateTimeOffset?)null;
            return new RunRecord
            {
                Id = id, State = RunStates.Failed, Workload = Text(root, "workload"), Target = Text(root, "target"),
                Backend = Text(root, "backend"), Mode = Text(root, "mode"),
                SubmittedAt = started ?? File.GetCreationTimeUtc(infoPath), StartedAt = started, ResultsDir = dir,
                Error = "the daemon ended before this run finished (ops.jsonl holds what completed)",
            };
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
