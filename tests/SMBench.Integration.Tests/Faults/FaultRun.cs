using Akka.Actor;
using Akka.Configuration;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using SMBench.Streams.Runs;
using SMBench.TestSupport;

namespace SMBench.Integration.Tests.Faults;

/// <summary>Waiting on a running replay and reaching into smbd from outside, for the fault tests.</summary>
internal static class FaultRun
{
    /// <summary>Replays in a private actor system and returns the coordinator's answer (the caller checks it).</summary>
    public static async Task<ReplayCoordinatorProtocol.RunFinished> ReplayAsync(IReplayBackend backend, string workload,
        ReplayMode mode, string results, int maxInFlight = 1, double timeScale = 1.0, int timeoutSeconds = 120)
    {
        var system = ActorSystem.Create("fault-" + Guid.NewGuid().ToString("N")[..8],
            ConfigurationFactory.ParseString("akka { loglevel = WARNING, stdout-loglevel = WARNING, log-dead-letters = off }"));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
            return await ReplayRunner.RunAsync(system, new ReplayRequest
            {
                WorkloadPath = workload, Backend = backend, ResultsDir = results, Mode = mode, TimeScale = timeScale,
                MaxInFlightPerClient = maxInFlight, Target = backend.Name,
            }, cancellationToken: timeout.Token);
        }
        finally
        {
            await system.Terminate();
            await backend.DisposeAsync();
        }
    }

    /// <summary>Waits until the journal holds at least <paramref name="records"/> lines (the run is under way).</summary>
    public static async Task WaitForRecordsAsync(string journal, int records, Task run, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (run.IsCompleted) await run; // surfaces a replay that failed early
            if (Lines(journal) >= records) return;
            await Task.Delay(20);
        }
        throw new TimeoutException($"{journal} did not reach {records} records within {seconds} s (has {Lines(journal)})");
    }

    public static long Lines(string journal)
    {
        if (!File.Exists(journal)) return 0;
        using var f = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[64 * 1024];
        long n = 0;
        int read;
        while ((read = f.Read(buffer)) > 0) n += buffer.AsSpan(0, read).Count((byte)'\n');
        return n;
    }

    /// <summary>The complete records of a journal that is still being written (shared read; a partial line is left out).</summary>
    public static List<System.Text.Json.JsonElement> RecordsSoFar(string journal)
    {
        if (!File.Exists(journal)) return [];
        using var f = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(f);
        var text = reader.ReadToEnd();
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => { using var d = System.Text.Json.JsonDocument.Parse(l); return d.RootElement.Clone(); }).ToList();
    }

    /// <summary>The smbd children serving client connections (smbstatus -p), not smbd's helper processes.</summary>
    public static IReadOnlyList<int> SessionPids(SambaServer smbd)
    {
        var output = ExternalProcess.RunChecked("smbstatus", $"-s {smbd.ConfigPath} -p");
        return output.Split('\n')
            .Select(l => l.Trim().Split(' ', 2)[0])
            .Where(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            .Select(int.Parse).Distinct().ToList();
    }

    /// <summary>Waits until smbd serves <paramref name="count"/> client processes; returns their pids.</summary>
    public static async Task<IReadOnlyList<int>> WaitForSessionPidsAsync(SambaServer smbd, int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var pids = SessionPids(smbd);
            if (pids.Count >= count || DateTime.UtcNow > deadline) return pids;
            await Task.Delay(50);
        }
    }

    public static void Signal(IEnumerable<int> pids, string signal)
    {
        foreach (var pid in pids) ExternalProcess.Run("kill", $"-{signal} {pid}");
    }
}
