using SMBench.Actors.Backends;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Integration.Tests.Smb;
using SMBench.TestSupport;
using Xunit;
using static SMBench.Integration.Tests.Replay.Ir;

namespace SMBench.Integration.Tests.Replay;

/// <summary>
/// Connection loss in the middle of a full-mode replay: the next op reconnects, durable opens are reclaimed and their
/// later ops succeed; opens that were not durable report the loss. Reconnects are counted in the summary.
/// </summary>
public sealed class ReplayDurableTests(ReplaySambaFixture fixture) : IClassFixture<ReplaySambaFixture>, IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-replay-dur-").FullName;
    private readonly string _root = "durable-" + Guid.NewGuid().ToString("N")[..8];

    private static IrOperation[] Workload(SmbOpExtensions durableOpen) =>
    [
        OpenFile("1", "a", 0, "durable.bin", "d", durableOpen),
        OpenFile("2", "a", 20, "plain.bin", "p", Ext(disposition: OverwriteIf)),
        WriteAt("3", "a", 50, "d", 0, 4096),
        WriteAt("4", "a", 60, "p", 0, 100),
        // the test cuts every connection once ops 3 and 4 are on the server
        WriteAt("5", "a", 2500, "d", 4096, 4096),
        ReadAt("6", "a", 2600, "d", 0, 8192),
        WriteAt("7", "a", 2700, "p", 100, 100),
        Close("8", "a", 2800, "d"),
        OpenFile("9", "a", 2900, "after.bin", "n", Ext(disposition: OverwriteIf)),
        Close("10", "a", 3000, "n"),
    ];

    public static TheoryData<string> Kinds => ["lease", "batch"];

    [RequiresSambaTheory]
    [MemberData(nameof(Kinds))]
    public async Task A_durable_v2_open_is_reclaimed_after_the_connection_is_cut(string kind)
    {
        var durable = new DurableRequest(2, 60_000);
        var open = kind == "lease"
            ? Ext(disposition: OverwriteIf, lease: new LeaseRequest("abcdefabcdefabcdefabcdefabcdef01", "RWH"), durable: durable)
            : Ext(disposition: OverwriteIf, oplock: OplockBatch, durable: durable);
        var workload = Write(Path.Combine(_tmp, "w"), Workload(open));
        await using var proxy = new TcpCutProxy(fixture.Smbd.Port);

        var replay = SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, ReplayMode.Full, _root, port: proxy.Port), workload,
            ReplayMode.Full, Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(90));
        await WaitForFirstWritesAsync(fixture.Smbd);
        proxy.CutAll();
        var run = await replay;

        Assert.True(run.Status("5") == StatusText.Success, run.Dump());
        Assert.Equal(StatusText.Success, run.Status("6"));
        Assert.Equal(8192, run.Ops["6"].GetProperty("bytes").GetInt64());
        Assert.Equal(StatusText.Success, run.Status("8"));
        Assert.Equal(StatusText.Success, run.Status("9"));
        Assert.Equal(ReplayStatus.ConnectionLost, run.Status("7")); // not durable: gone with the connection
        Assert.Equal(1, run.Summary.Reconnects);
        Assert.Equal(8192, new FileInfo(Path.Combine(fixture.Smbd.SharePath, _root, "durable.bin")).Length);
    }

    /// <summary>
    /// Two clients, each its own login, on one shared connection (<c>--connections shared:1</c>): when it is cut, the
    /// first to notice reconnects it, the other logs in again on the new one, and both reclaim their durable opens
    /// (same ClientGuid: the shared connection keeps its own).
    /// </summary>
    [RequiresSambaFact]
    public async Task Clients_on_a_shared_connection_both_reclaim_their_durable_opens_after_a_cut()
    {
        IrOperation[] For(string client) =>
        [
            OpenFile($"{client}1", client, 0, $"{client}-durable.bin", "d",
                Ext(disposition: OverwriteIf, lease: new LeaseRequest($"{(client == "a" ? 1 : 2):x32}", "RWH"), durable: new DurableRequest(2, 60_000))),
            WriteAt($"{client}3", client, 50, "d", 0, 4096),
            WriteAt($"{client}5", client, 2500, "d", 4096, 4096),
            ReadAt($"{client}6", client, 2600, "d", 0, 8192),
            Close($"{client}8", client, 2800, "d"),
        ];
        var workload = Write(Path.Combine(_tmp, "w"), [.. For("a"), .. For("b")]);
        await using var proxy = new TcpCutProxy(fixture.Smbd.Port);

        var replay = SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, ReplayMode.Full, _root, port: proxy.Port, sharedConnections: 1),
            workload, ReplayMode.Full, Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(90));
        await WaitForFirstWritesAsync(fixture.Smbd, ("a-durable.bin", 4096), ("b-durable.bin", 4096));
        proxy.CutAll();
        var run = await replay;

        Assert.True(!run.Failures().Any(), run.Dump());
        Assert.Equal(8192, run.Ops["a6"].GetProperty("bytes").GetInt64());
        Assert.Equal(8192, run.Ops["b6"].GetProperty("bytes").GetInt64());
        Assert.Equal(2, run.Summary.Reconnects);
        foreach (var c in new[] { "a", "b" })
            Assert.Equal(8192, new FileInfo(Path.Combine(fixture.Smbd.SharePath, _root, $"{c}-durable.bin")).Length);
    }

    /// <summary>
    /// Killing smbd's children is a server crash, not a network cut: Samba drops durable opens then, so after the
    /// reconnect every old handle reports the loss while new opens work. Its own smbd: KillChildren also kills smbd's
    /// helper children (notifyd, cleanupd), and a server left without them resets later lease opens.
    /// </summary>
    [RequiresSambaFact]
    public async Task After_a_server_crash_the_client_reconnects_and_lost_handles_fail_cleanly()
    {
        await using var smbd = await SambaServer.StartAsync(ReplaySambaFixture.Options);
        var workload = Write(Path.Combine(_tmp, "w"),
            Workload(Ext(disposition: OverwriteIf, oplock: OplockBatch, durable: new DurableRequest(2, 60_000))));

        var replay = SmbReplay.RunAsync(SmbReplay.Backend(smbd, ReplayMode.Full, _root), workload, ReplayMode.Full,
            Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(90));
        await WaitForFirstWritesAsync(smbd);
        smbd.KillChildren();
        var run = await replay;

        Assert.True(run.Status("5") == ReplayStatus.ConnectionLost, run.Dump());
        Assert.Equal(ReplayStatus.ConnectionLost, run.Status("7"));
        Assert.Equal(StatusText.Success, run.Status("9"));
        Assert.Equal(StatusText.Success, run.Status("10"));
        Assert.Equal(1, run.Summary.Reconnects);
    }

    /// <summary>
    /// The first writes (run clock 50–60 ms) are on the server — by default op 4's 100 bytes in plain.bin; the cut
    /// must come before the later ops at 2.5 s.
    /// </summary>
    private async Task WaitForFirstWritesAsync(SambaServer smbd, params (string File, long Length)[] written)
    {
        if (written.Length == 0) written = [("plain.bin", 100)];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (written.All(w => new FileInfo(Path.Combine(smbd.SharePath, _root, w.File)) is { Exists: true } f && f.Length == w.Length)) break;
            await Task.Delay(20);
        }
        await Task.Delay(100);
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
