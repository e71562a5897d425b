using SMBench.Actors.Backends;
using SMBench.Core.Results;
using SMBench.Integration.Tests.Replay;
using SMBench.TestSupport;

namespace SMBench.Integration.Tests.Faults;

/// <summary>
/// The common start of the smbd fault tests: a <see cref="FaultWorkload"/> replayed against <paramref name="smbd"/>,
/// already under way (at least <paramref name="recordsFirst"/> ops journaled) when the test starts breaking things.
/// </summary>
internal sealed record SmbdFaultReplay(string Workload, string Journal, Task<ReplayOutcome> Run)
{
    public static async Task<SmbdFaultReplay> StartAsync(SambaServer smbd, string tmp, string root, ReplayMode mode,
        int clients, int steps, int stepMs, int recordsFirst, int timeoutSeconds)
    {
        var workload = FaultWorkload.Write(Path.Combine(tmp, "w"), clients, steps, stepMs, mode);
        // The realistic modes create no folders: the clients' own ones must exist.
        if (mode != ReplayMode.Mvp)
            for (var c = 0; c < clients; c++) SmbReplay.MakeShareDir(smbd, $"{root}/client_{c:D2}");
        var results = Path.Combine(tmp, "r");
        var journal = Path.Combine(results, ResultsJournal.FileName);
        var run = SmbReplay.RunAsync(SmbReplay.Backend(smbd, mode, root), workload, mode, results, ct: SmbReplay.Timeout(timeoutSeconds));
        await FaultRun.WaitForRecordsAsync(journal, recordsFirst, run);
        return new SmbdFaultReplay(workload, journal, run);
    }
}
