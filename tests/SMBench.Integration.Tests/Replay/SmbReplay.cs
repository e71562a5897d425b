using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Smb;
using SMBench.Actors.Runs;
using SMBench.Core.Blobs;
using SMBench.Core.Credentials;
using SMBench.Core.Results;
using SMBench.Streams.Runs;
using SMBench.TestSupport;

namespace SMBench.Integration.Tests.Replay;

/// <summary>What one replay left behind: the coordinator's answer, the summary and every op's journal record.</summary>
internal sealed record ReplayOutcome(ReplayCoordinatorProtocol.RunFinished Finished, IReadOnlyDictionary<string, JsonElement> Ops)
{
    public RunSummary Summary => Finished.Summary;

    public string Status(string opId) => Ops[opId].GetProperty("status").GetString()!;

    public long LatencyUs(string opId) =>
        Ops[opId].GetProperty("completed_us").GetInt64() - Ops[opId].GetProperty("issued_us").GetInt64();

    public long IssuedUs(string opId) => Ops[opId].GetProperty("issued_us").GetInt64();

    public string Describe(string opId) => Ops[opId].GetRawText();

    /// <summary>Summary and journal as text, for assertion messages.</summary>
    public string Dump() => System.Text.Json.JsonSerializer.Serialize(Summary, RunSummary.JsonOptions) + "\n" +
        string.Join("\n", Ops.Values.OrderBy(o => o.GetProperty("issued_us").GetInt64()).Select(o => o.GetRawText()));

    public IEnumerable<string> Failures() => Ops.Values
        .Where(r => !StatusText.IsSuccess(r.GetProperty("status").GetString()!))
        .Select(r => r.GetRawText());
}

/// <summary>Replays a workload with the smb backend against a fixture smbd (or anything listening on a port).</summary>
internal static class SmbReplay
{
    private const string AkkaConfig = """
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """;

    public static SmbBackend Backend(SambaServer smbd, ReplayMode mode, string root, BlobStore? blobs = null,
        int? port = null, string? password = null, int sharedConnections = 0) =>
        new(new SmbTarget("127.0.0.1", port ?? smbd.Port, smbd.ShareName, root),
            _ => new Credential(null, smbd.UserName, password ?? smbd.Password), mode, blobs, sharedConnections: sharedConnections);

    public static async Task<ReplayOutcome> RunAsync(IReplayBackend backend, string workload, ReplayMode mode, string resultsDir,
        double timeScale = 1.0, CancellationToken ct = default)
    {
        var system = ActorSystem.Create("replay-" + Guid.NewGuid().ToString("N")[..8], ConfigurationFactory.ParseString(AkkaConfig));
        try
        {
            var request = new ReplayRequest
            {
                WorkloadPath = workload, Backend = backend, ResultsDir = resultsDir, Mode = mode, TimeScale = timeScale,
                Target = backend.Name,
            };
            var finished = await ReplayRunner.RunAsync(system, request, cancellationToken: ct);
            var ops = ResultsJournal.ReadAll(Path.Combine(resultsDir, "ops.jsonl"))
                .ToDictionary(r => r.GetProperty("op_id").GetString()!, StringComparer.Ordinal);
            var outcome = new ReplayOutcome(finished, ops);
            if (finished.Error != null || finished.Summary.State != "completed" || ops.Count != finished.Summary.OpsTotal)
                throw new InvalidOperationException($"the replay did not complete: {finished.Error} {outcome.Dump()}");
            return outcome;
        }
        finally
        {
            await system.Terminate();
            await backend.DisposeAsync();
        }
    }

    /// <summary>A folder inside the share that smbd's user may write to (the fixture runs as root).</summary>
    public static string MakeShareDir(SambaServer smbd, string relative)
    {
        var path = smbd.SharePath;
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = Path.Combine(path, part);
            Directory.CreateDirectory(path);
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }
        return path;
    }

    /// <summary>smbstatus's lock listing of this server (oplock and lease columns).</summary>
    public static string Locks(SambaServer smbd) => ExternalProcess.RunChecked("smbstatus", $"-s {smbd.ConfigPath} -L");

    /// <summary>
    /// Polls smbstatus until the lines naming <paramref name="file"/> satisfy <paramref name="done"/> (the replay's
    /// clock starts only once every client is connected, so fixed delays would race it); returns the last lines.
    /// </summary>
    public static async Task<string> WaitForLocksAsync(SambaServer smbd, string file, Func<string, bool> done, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var lines = string.Join("\n", Locks(smbd).Split('\n').Where(l => l.Contains(file, StringComparison.Ordinal)));
            if (done(lines) || DateTime.UtcNow > deadline) return lines;
            await Task.Delay(50);
        }
    }

    public static CancellationToken Timeout(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
