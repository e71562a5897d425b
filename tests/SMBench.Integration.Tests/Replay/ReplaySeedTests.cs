using SMBench.Actors.Backends;
using SMBench.Core.Blobs;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Integration.Tests.Smb;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Replay;

/// <summary>The seed example replayed against Samba in every mode; the files it leaves are checked with smbclient.</summary>
public sealed class ReplaySeedTests(ReplaySambaFixture fixture) : IClassFixture<ReplaySambaFixture>, IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-replay-seed-").FullName;

    public static string SeedExample => RepoPaths.SeedExample;

    [RequiresSambaTheory]
    [InlineData(ReplayMode.Mvp)]
    [InlineData(ReplayMode.Realistic)]
    [InlineData(ReplayMode.Full)]
    public async Task The_seed_example_leaves_the_exact_files_and_bytes(ReplayMode mode)
    {
        var smbd = fixture.Smbd;
        var root = $"seed-{mode}-{Guid.NewGuid():N}"[..24].ToLowerInvariant();
        // The prestate (docs/ and notes/) realistic and full mode need: their opens do not create folders.
        SmbReplay.MakeShareDir(smbd, root + "/docs");
        SmbReplay.MakeShareDir(smbd, root + "/notes");
        var reader = WorkloadReader.Open(SeedExample);

        var run = await SmbReplay.RunAsync(SmbReplay.Backend(smbd, mode, root, new BlobStore(reader.Directory)), SeedExample, mode,
            Path.Combine(_tmp, "r"), timeScale: 0.5, ct: SmbReplay.Timeout(60));

        Assert.True(run.Summary.OpsOk == 13, run.Dump());
        Assert.Equal(0, run.Summary.OpsFailed);
        Assert.Equal(37, run.Ops["op_000006"].GetProperty("bytes").GetInt64());
        Assert.Equal(23, run.Ops["op_000009"].GetProperty("bytes").GetInt64());

        var blob = reader.ReadOperations().OfType<WriteOp>().First(w => w.OpId == "op_000002").Blob!;
        var local = Path.Combine(_tmp, "report-final.txt");
        var (code, output) = smbd.SmbClient($"get {root}/docs/report-final.txt {local}");
        Assert.True(code == 0, output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(reader.Directory, blob)), File.ReadAllBytes(local));
        Assert.Contains("NT_STATUS_NO_SUCH_FILE", smbd.SmbClient($"ls {root}/docs/report.txt").Output);
        var notes = smbd.SmbClient($"ls {root}/notes/*").Output;
        Assert.DoesNotContain("readme", notes, StringComparison.Ordinal);
        Assert.Equal(0, run.Summary.Breaks.Received); // the two users never share a file: nothing to break
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
