using SMBench.Actors.Backends;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Integration.Tests.Smb;
using SMBench.TestSupport;
using Xunit;
using static SMBench.Integration.Tests.Replay.Ir;

namespace SMBench.Integration.Tests.Replay;

/// <summary>
/// Full-mode replays where one client's open breaks another's oplock or lease: the OplockActor answers at runtime as
/// the captured client did, and the conflicting open completes long before Samba's 30 s break timeout.
/// </summary>
public sealed class ReplayBreakTests(ReplaySambaFixture fixture) : IClassFixture<ReplaySambaFixture>, IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-replay-break-").FullName;
    private readonly string _root = "breaks-" + Guid.NewGuid().ToString("N")[..8];

    /// <param name="shared">1: both clients log in on one shared connection, so the break arrives on the connection
    /// the conflicting open was sent on and must still reach the session holding the oplock.</param>
    [RequiresSambaTheory]
    [InlineData("level_ii", 0)]
    [InlineData("close", 0)]
    [InlineData("level_ii", 1)]
    public async Task A_batch_oplock_is_broken_answered_and_the_second_open_completes_promptly(string answer, int shared)
    {
        var onBreak = answer == "close" ? new BreakResponse("close") : new BreakResponse("ack", answer);
        var workload = Write(Path.Combine(_tmp, "w"),
            OpenFile("a1", "a", 0, "batch.txt", "h", Ext(oplock: OplockBatch, onBreak: onBreak)),
            WriteAt("a2", "a", 100, "h", 0, 4096),
            OpenFile("b1", "b", 600, "batch.txt", "h", Ext(GenericRead, disposition: Open), OpenMode.Read),
            ReadAt("b2", "b", 900, "h", 0, 4096),
            ReadAt("a4", "a", 1200, "h", 0, 10),
            Close("a3", "a", 1500, "h"),
            Close("b3", "b", 1600, "h"));

        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, ReplayMode.Full, _root, sharedConnections: shared), workload,
            ReplayMode.Full, Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(60));

        // Closed when the break came, A's handle answers like a closed FileId until the captured close.
        Assert.Equal(answer == "close" ? "STATUS_FILE_CLOSED" : StatusText.Success, run.Status("a4"));
        Assert.Equal(0, run.Summary.Reconnects);
        Assert.DoesNotContain(run.Failures(), f => !f.Contains("\"a4\"", StringComparison.Ordinal));
        Assert.True(1 == run.Summary.Breaks.Received, run.Dump());
        Assert.Equal(1, run.Summary.Breaks.Acked);
        Assert.Equal(1, run.Summary.Breaks.Expected);
        Assert.InRange(run.LatencyUs("b1"), 0, 10_000_000); // a correctness bound: a missed break costs Samba's 30 s
        Assert.Equal(4096, run.Ops["b2"].GetProperty("bytes").GetInt64()); // A's cached write reached the server first
        if (answer == "close") Assert.Contains("already closed", run.Ops["a3"].GetProperty("error").GetString());

        // The break is journaled with its answer, and the report shows it.
        var resultsDir = Path.Combine(_tmp, "r");
        var breaks = BreakJournal.ReadAll(resultsDir).ToList();
        var only = Assert.Single(breaks);
        Assert.Equal("oplock", only.Kind);
        Assert.StartsWith(answer == "close" ? "close" : "ack", only.Action);
        Assert.True(only.Sent);
        var html = SMBench.Daemon.Reports.ReportRenderer.Render(SMBench.Daemon.Reports.RunReport.Load(resultsDir));
        Assert.Contains("id=\"breaks-by-answer\"", html);
        Assert.Contains("id=\"breaks-over-time\"", html);
    }

    /// <summary>
    /// RWH held by A, B asks for RH: Samba breaks A to RH. A acks with what the IR says the captured client acked
    /// (R drops handle caching too), else with the offered state; smbstatus shows the server's view meanwhile.
    /// </summary>
    [RequiresSambaTheory]
    [InlineData(null, "RH")]
    [InlineData("R", "R")]
    public async Task A_lease_break_is_acked_with_the_captured_state_or_the_offered_one(string? capturedAck, string expectedState)
    {
        var onBreak = capturedAck == null ? [] : new[] { new BreakResponse("ack", capturedAck) };
        var workload = Write(Path.Combine(_tmp, "w"),
            OpenFile("a1", "a", 0, "lease.txt", "h",
                Ext(lease: new LeaseRequest("0123456789abcdef0123456789abcdef", "RWH"), onBreak: onBreak)),
            WriteAt("a2", "a", 100, "h", 0, 1000),
            OpenFile("b1", "b", 500, "lease.txt", "h",
                Ext(GenericRead, disposition: Open, lease: new LeaseRequest("fedcba9876543210fedcba9876543210", "RH")), OpenMode.Read),
            ReadAt("b2", "b", 700, "h", 0, 1000),
            Close("a3", "a", 4000, "h"),
            Close("b3", "b", 4100, "h"));

        var replay = SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, ReplayMode.Full, _root), workload, ReplayMode.Full,
            Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(60));
        // Both opens are up and the break answered by ~1 s on the run clock; the closes come at 4 s.
        var locks = await SmbReplay.WaitForLocksAsync(fixture.Smbd, "lease.txt",
            l => l.Split('\n').Length == 2 && l.Contains($"LEASE({expectedState})", StringComparison.Ordinal) && !l.Contains("RWH", StringComparison.Ordinal));
        var run = await replay;

        Assert.Empty(run.Failures());
        Assert.True(1 == run.Summary.Breaks.Received, run.Dump());
        Assert.Equal(1, run.Summary.Breaks.Acked);
        var leases = locks.Split('\n').ToList();
        Assert.True(leases.Count == 2, locks);
        Assert.Contains(leases, l => l.Contains($"LEASE({expectedState})", StringComparison.Ordinal));
        Assert.Contains(leases, l => l.Contains("LEASE(RH)", StringComparison.Ordinal));
        Assert.InRange(run.LatencyUs("b1"), 0, 10_000_000);
    }

    /// <summary>
    /// A opens with an R lease, then again with the same captured key asking RWH: the lease is upgraded (one lease,
    /// two opens). B's RH open breaks it back to RH; the one ack covers both of A's opens and both keep working.
    /// </summary>
    [RequiresSambaFact]
    public async Task A_lease_upgraded_by_a_second_open_is_broken_once_for_both_opens()
    {
        const string key = "0a0b0c0d0e0f00010203040506070809";
        var workload = Write(Path.Combine(_tmp, "w"),
            OpenFile("a1", "a", 0, "upgrade.txt", "h1", Ext(lease: new LeaseRequest(key, "R"))),
            OpenFile("a2", "a", 100, "upgrade.txt", "h2", Ext(lease: new LeaseRequest(key, "RWH"))),
            WriteAt("a3", "a", 200, "h2", 0, 2048),
            OpenFile("b1", "b", 1800, "upgrade.txt", "h",
                Ext(GenericRead, disposition: Open, lease: new LeaseRequest("99999999999999999999999999999999", "RH")), OpenMode.Read),
            ReadAt("a4", "a", 2200, "h1", 0, 2048),
            ReadAt("a5", "a", 2250, "h2", 0, 2048),
            ReadAt("b2", "b", 2300, "h", 0, 2048),
            Close("a6", "a", 4000, "h1"),
            Close("a7", "a", 4050, "h2"),
            Close("b3", "b", 4100, "h"));

        var replay = SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, ReplayMode.Full, _root), workload, ReplayMode.Full,
            Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(60));
        var upgraded = await SmbReplay.WaitForLocksAsync(fixture.Smbd, "upgrade.txt", l => l.Contains("LEASE(RWH)", StringComparison.Ordinal));
        var after = await SmbReplay.WaitForLocksAsync(fixture.Smbd, "upgrade.txt",
            l => l.Contains("LEASE(RH)", StringComparison.Ordinal) && !l.Contains("LEASE(RWH)", StringComparison.Ordinal));
        var run = await replay;

        Assert.True(!run.Failures().Any(), run.Dump());
        Assert.Contains("LEASE(RWH)", upgraded);
        Assert.DoesNotContain("LEASE(RWH)", after);
        Assert.Contains("LEASE(RH)", after);
        Assert.Equal(1, run.Summary.Breaks.Received);
        Assert.Equal(1, run.Summary.Breaks.Acked);
        Assert.Equal(2048, run.Ops["a4"].GetProperty("bytes").GetInt64());
        Assert.InRange(run.LatencyUs("b1"), 0, 10_000_000);
    }

    /// <summary>R leases on both sides, then B writes: A's R is broken to none (no ack needed) and nothing waits.</summary>
    [RequiresSambaFact]
    public async Task A_write_breaks_the_other_clients_read_lease_without_stalling()
    {
        var workload = Write(Path.Combine(_tmp, "w"),
            OpenFile("a1", "a", 0, "shared.txt", "h", Ext(lease: new LeaseRequest("11111111111111111111111111111111", "R"))),
            OpenFile("b1", "b", 300, "shared.txt", "h", Ext(lease: new LeaseRequest("22222222222222222222222222222222", "R"))),
            WriteAt("b2", "b", 600, "h", 0, 512),
            ReadAt("a2", "a", 900, "h", 0, 512),
            Close("a3", "a", 1200, "h"),
            Close("b3", "b", 1300, "h"));

        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, ReplayMode.Full, _root), workload, ReplayMode.Full,
            Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(60));

        Assert.Empty(run.Failures());
        Assert.InRange(run.LatencyUs("b2"), 0, 10_000_000);
        Assert.Equal(512, run.Ops["a2"].GetProperty("bytes").GetInt64());
        Assert.Equal(StatusText.Success, run.Status("a2"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
