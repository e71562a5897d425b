using SMBench.Actors.Backends;
using SMBench.Core.Results;
using SMBench.Integration.Tests.Replay;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Faults;

/// <summary>
/// The smbd processes serving our clients die mid-run: every client sees its connection reset, reconnects with
/// backoff on its next op, and the run goes on. Each test has its own smbd: killing its children must not leave a
/// damaged server behind for other tests.
/// </summary>
public sealed class SmbdChildKillTests : IDisposable
{
    private const int Clients = 6, Steps = 40, StepMs = 100;
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-fault-kill-").FullName;
    private readonly string _root = "kill-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// SIGKILL is a crash: Samba drops the opens of a dead process, so ops on the long-lived handles report the loss
    /// (SMBENCH_CONNECTION_LOST), while files opened after the reconnect work.
    /// </summary>
    [RequiresSambaFact]
    public async Task Killed_children_make_every_client_reconnect_and_every_op_gets_one_record()
    {
        await using var smbd = await SambaServer.StartAsync(ReplaySambaFixture.Options);
        var (workload, journal, replay) = await SmbdFaultReplay.StartAsync(smbd, _tmp, _root, ReplayMode.Mvp, Clients, Steps, StepMs,
            recordsFirst: Clients * 8, timeoutSeconds: 120);
        var pids = await FaultRun.WaitForSessionPidsAsync(smbd, Clients);
        Assert.Equal(Clients, pids.Count);
        FaultRun.Signal(pids, "KILL");
        var run = await replay;

        var records = JournalChecks.ReadIntact(journal);
        var expected = FaultWorkload.Count(workload);
        Assert.Equal(expected, records.Count);
        Assert.Equal(expected, run.Summary.OpsTotal);
        Assert.Equal("completed", run.Summary.State);
        JournalChecks.OnlyStatuses(records, StatusText.Success, ReplayStatus.ConnectionLost, ReplayStatus.DependencyFailed);
        Assert.True(records.Values.Count(r => r.Status() == ReplayStatus.ConnectionLost) >= Clients, JournalChecks.Counts(records));
        Assert.Equal(Clients, run.Summary.Reconnects);
        // Well after the kill, new opens and their ops run normally.
        Assert.All(FaultWorkload.LastShortCycles(workload), op => Assert.Equal(StatusText.Success, records[op.OpId].Status()));
    }

    /// <summary>
    /// SIGTERM ends a child the way a server-side disconnect does: Samba keeps the durable opens, and in full mode
    /// every client reclaims its long-lived handle (DH2C with its lease) and keeps writing to it.
    /// </summary>
    [RequiresSambaFact]
    public async Task In_full_mode_durable_handles_are_reclaimed_after_the_children_are_terminated()
    {
        await using var smbd = await SambaServer.StartAsync(ReplaySambaFixture.Options);
        var (workload, journal, replay) = await SmbdFaultReplay.StartAsync(smbd, _tmp, _root, ReplayMode.Full, Clients, Steps, StepMs,
            recordsFirst: Clients * 8, timeoutSeconds: 120);
        var pids = await FaultRun.WaitForSessionPidsAsync(smbd, Clients);
        Assert.Equal(Clients, pids.Count);
        FaultRun.Signal(pids, "TERM");
        var run = await replay;

        var records = JournalChecks.ReadIntact(journal);
        var expected = FaultWorkload.Count(workload);
        Assert.Equal(expected, records.Count);
        Assert.Equal("completed", run.Summary.State);
        JournalChecks.OnlyStatuses(records, StatusText.Success, ReplayStatus.ConnectionLost, ReplayStatus.DependencyFailed);
        Assert.Equal(Clients, run.Summary.Reconnects);
        for (var c = 0; c < Clients; c++)
        {
            // The long file's last write, read-back and close all worked on the reclaimed handle.
            var ops = records.Where(r => r.Key.StartsWith($"c{c:D2}-", StringComparison.Ordinal)).OrderBy(r => r.Key).ToList();
            Assert.True(ops[^1].Value.Status() == StatusText.Success, $"close of the long file: {ops[^1].Value} ({JournalChecks.Counts(records)})");
            Assert.Equal(StatusText.Success, ops[^2].Value.Status());
            Assert.Equal(Steps * FaultWorkload.Block, ops[^2].Value.GetProperty("bytes").GetInt64());
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
