using SMBench.Actors.Backends;
using SMBench.Core.Results;
using SMBench.Integration.Tests.Replay;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Faults;

/// <summary>
/// The whole server goes away mid-run and comes back on the same port: ops during the outage fail as
/// SMBENCH_CONNECTION_LOST once the reconnect backoff gives up, clients reconnect after the server returns, and the
/// run completes with every op recorded.
/// </summary>
public sealed class SmbdRestartTests : IDisposable
{
    private const int Clients = 4, Steps = 60, StepMs = 100;
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-fault-restart-").FullName;
    private readonly string _root = "restart-" + Guid.NewGuid().ToString("N")[..8];

    [RequiresSambaFact]
    public async Task A_restarted_server_is_reconnected_to_and_the_outage_shows_as_lost_ops()
    {
        await using var smbd = await SambaServer.StartAsync(ReplaySambaFixture.Options);
        var (workload, journal, replay) = await SmbdFaultReplay.StartAsync(smbd, _tmp, _root, ReplayMode.Mvp, Clients, Steps, StepMs,
            recordsFirst: Clients * 6, timeoutSeconds: 150);
        await smbd.StopAsync();
        // The outage lasts until every client has failed an op on it (the reconnect backoff, ~3.5 s, gave up).
        await WaitForLostOpsAsync(journal, Clients, replay);
        var outageEndUs = records(journal).Max(r => r.GetProperty("completed_us").GetInt64());
        await smbd.StartAgainAsync();
        var run = await replay;

        var all = JournalChecks.ReadIntact(journal);
        Assert.Equal(FaultWorkload.Count(workload), all.Count);
        Assert.Equal(all.Count, run.Summary.OpsTotal);
        Assert.Equal("completed", run.Summary.State);
        JournalChecks.OnlyStatuses(all, StatusText.Success, ReplayStatus.ConnectionLost, ReplayStatus.DependencyFailed);
        var lost = all.Values.Where(r => r.Status() == ReplayStatus.ConnectionLost).ToList();
        Assert.True(lost.Count >= Clients, JournalChecks.Counts(all));
        Assert.True(run.Summary.Reconnects >= Clients, $"reconnects {run.Summary.Reconnects}: {JournalChecks.Counts(all)}");
        // Ops issued after the server was back (new opens: the old handles died with the server) all worked.
        var after = all.Values.Where(r => r.GetProperty("issued_us").GetInt64() > outageEndUs
                                          && FaultWorkload.LastShortCycles(workload).Any(o => o.OpId == r.GetProperty("op_id").GetString())).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, r => Assert.Equal(StatusText.Success, r.Status()));
    }

    private static IEnumerable<System.Text.Json.JsonElement> records(string journal) => FaultRun.RecordsSoFar(journal);

    /// <summary>Waits until <paramref name="clients"/> distinct clients have a SMBENCH_CONNECTION_LOST record.</summary>
    private static async Task WaitForLostOpsAsync(string journal, int clients, Task run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (run.IsCompleted) await run;
            var lost = records(journal).Where(r => r.GetProperty("status").GetString() == ReplayStatus.ConnectionLost)
                .Select(r => r.GetProperty("client_id").GetString()).Distinct().Count();
            if (lost >= clients) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"not every client reported the outage: {string.Join("\n", records(journal).TakeLast(20))}");
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
