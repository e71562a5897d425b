using SMBench.Actors.Backends;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Integration.Tests.Smb;
using SMBench.TestSupport;
using Xunit;
using static SMBench.Integration.Tests.Replay.Ir;

namespace SMBench.Integration.Tests.Replay;

/// <summary>Captured CREATE semantics replayed as captured (realistic and full) or with open defaults (mvp).</summary>
public sealed class ReplaySemanticsTests(ReplaySambaFixture fixture) : IClassFixture<ReplaySambaFixture>, IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-replay-sem-").FullName;
    private readonly string _root = "sem-" + Guid.NewGuid().ToString("N")[..8];

    private static IrOperation[] ShareConflict() =>
    [
        // A captured "share read only" while writing; B then asks for write access.
        OpenFile("a1", "a", 0, "locked.txt", "h", Ext(share: ShareRead)),
        WriteAt("a2", "a", 50, "h", 0, 100),
        OpenFile("b1", "b", 300, "locked.txt", "h", Ext(share: ShareAll), OpenMode.ReadWrite, expected: "STATUS_SHARING_VIOLATION"),
        Close("a3", "a", 600, "h"),
    ];

    [RequiresSambaTheory]
    [InlineData(ReplayMode.Realistic)]
    [InlineData(ReplayMode.Full)]
    public async Task Captured_share_access_gives_a_sharing_violation(ReplayMode mode)
    {
        var workload = Write(Path.Combine(_tmp, "w"), ShareConflict());
        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, mode, _root), workload, mode, Path.Combine(_tmp, "r"),
            ct: SmbReplay.Timeout(60));

        Assert.True(run.Status("b1") == "STATUS_SHARING_VIOLATION", run.Dump());
        Assert.Equal(StatusText.Success, run.Status("a1"));
        Assert.Equal(StatusText.Success, run.Status("a3"));
        // The failure is what the original server answered: a fidelity match, not a run failure.
        Assert.Equal(1, run.Summary.ByType["open"].Matched);
        Assert.Equal(0, run.Summary.OpsFailed);
    }

    [RequiresSambaFact]
    public async Task Mvp_mode_shares_everything_so_the_same_workload_has_no_conflict()
    {
        var workload = Write(Path.Combine(_tmp, "w"), ShareConflict());
        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, ReplayMode.Mvp, _root), workload, ReplayMode.Mvp,
            Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(60));

        Assert.True(!run.Failures().Any(), run.Dump());
        Assert.Equal(StatusText.Success, run.Status("b1"));
    }

    [RequiresSambaTheory]
    [InlineData(ReplayMode.Realistic)]
    [InlineData(ReplayMode.Full)]
    public async Task Delete_on_close_removes_the_file(ReplayMode mode)
    {
        SmbReplay.MakeShareDir(fixture.Smbd, _root);
        var workload = Write(Path.Combine(_tmp, "w"),
            OpenFile("1", "a", 0, "scratch.tmp", "h", Ext(GenericAll | Delete, disposition: Create, options: NonDirectory | DeleteOnClose)),
            WriteAt("2", "a", 20, "h", 0, 8192),
            ReadAt("3", "a", 40, "h", 0, 8192),
            Close("4", "a", 60, "h"));
        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, mode, _root), workload, mode, Path.Combine(_tmp, "r"),
            ct: SmbReplay.Timeout(60));

        Assert.True(!run.Failures().Any(), run.Dump());
        Assert.Equal(8192, run.Ops["3"].GetProperty("bytes").GetInt64());
        Assert.False(File.Exists(Path.Combine(fixture.Smbd.SharePath, _root, "scratch.tmp")));
        Assert.Contains("NT_STATUS_NO_SUCH_FILE", fixture.Smbd.SmbClient($"ls {_root}/scratch.tmp").Output);
    }

    /// <summary>
    /// Renaming over a file that is open without FILE_SHARE_DELETE fails as on Windows (the IR's expected status says
    /// so); once it is closed the same rename replaces it.
    /// </summary>
    [RequiresSambaTheory]
    [InlineData(ReplayMode.Realistic)]
    [InlineData(ReplayMode.Full)]
    public async Task Rename_over_an_open_file_is_refused_then_replaces_it_once_closed(ReplayMode mode)
    {
        SmbReplay.MakeShareDir(fixture.Smbd, _root);
        var workload = Write(Path.Combine(_tmp, "w"),
            OpenFile("a1", "a", 0, "target.txt", "h", Ext(share: ShareRead | ShareWrite, disposition: OverwriteIf)),
            WriteAt("a2", "a", 20, "h", 0, 10),
            OpenFile("a3", "a", 100, "source.txt", "s", Ext(disposition: OverwriteIf)),
            WriteAt("a4", "a", 120, "s", 0, 3000),
            Close("a5", "a", 140, "s"),
            Rename("a6", "a", 300, "source.txt", "target.txt", expected: "STATUS_ACCESS_DENIED"),
            Close("a7", "a", 500, "h"),
            Rename("a8", "a", 700, "source.txt", "target.txt", expected: "STATUS_SUCCESS"));
        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, mode, _root), workload, mode, Path.Combine(_tmp, "r"),
            ct: SmbReplay.Timeout(60));

        Assert.True(run.Status("a6") == "STATUS_ACCESS_DENIED", run.Dump());
        Assert.Equal(StatusText.Success, run.Status("a8"));
        Assert.Equal(0, run.Summary.OpsFailed);
        Assert.Equal(2, run.Summary.StatusMatched);
        var target = Path.Combine(fixture.Smbd.SharePath, _root, "target.txt");
        Assert.Equal(3000, new FileInfo(target).Length);
        Assert.False(File.Exists(Path.Combine(fixture.Smbd.SharePath, _root, "source.txt")));
    }

    /// <summary>
    /// Samba only looks for an open target inside the smbd process doing the rename, so another client's open does
    /// not stop it, where Windows answers ACCESS_DENIED. The replay reports that divergence as a fidelity mismatch.
    /// </summary>
    [RequiresSambaFact]
    public async Task Rename_over_another_clients_open_file_is_reported_as_a_mismatch_on_samba()
    {
        SmbReplay.MakeShareDir(fixture.Smbd, _root);
        var workload = Write(Path.Combine(_tmp, "w"),
            OpenFile("a1", "a", 0, "target.txt", "h", Ext(share: ShareRead | ShareWrite, disposition: OverwriteIf)),
            OpenFile("b1", "b", 100, "source.txt", "h", Ext(disposition: OverwriteIf)),
            Close("b2", "b", 140, "h"),
            Rename("b3", "b", 300, "source.txt", "target.txt", expected: "STATUS_ACCESS_DENIED"),
            Close("a2", "a", 500, "h"));
        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, ReplayMode.Realistic, _root), workload,
            ReplayMode.Realistic, Path.Combine(_tmp, "r"), ct: SmbReplay.Timeout(60));

        Assert.True(run.Status("b3") == StatusText.Success, run.Dump());
        Assert.Equal(1, run.Summary.StatusChecked);
        Assert.Equal(0, run.Summary.StatusMatched);
        Assert.Equal(1, run.Summary.Mismatches["rename: STATUS_ACCESS_DENIED -> STATUS_SUCCESS"]);
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
