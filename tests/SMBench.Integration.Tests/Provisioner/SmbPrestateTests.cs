using SMBench.Core.Credentials;
using SMBench.Provisioner.Manifest;
using SMBench.Provisioner.Prestate;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Provisioner;

public sealed class SmbPrestateTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("smbench-prestate-smb-").FullName;
    private SambaServer? _server;
    private SambaServer Server => _server!;
    private string ManifestPath => Path.Combine(_work, ProvisionManifest.DefaultFileName);

    public async Task InitializeAsync()
    {
        if (SambaServer.Unavailable() == null) _server = await SambaServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
        Directory.Delete(_work, true);
    }

    private Task<SmbShareWriter> ConnectAsync() => SmbShareWriter.ConnectAsync("127.0.0.1", Server.Port, Server.ShareName,
        new Credential(null, Server.UserName, Server.Password));

    private static PrestateDocument Sample() => new()
    {
        Directories = [new PrestateDirectory { Path = "empty" }],
        Files =
        [
            new PrestateFile { Path = "data/a.bin", Size = 3_500_000, Content = ContentKind.Synthetic },
            new PrestateFile { Path = "data/deep/z.bin", Size = 10_000_000 },
            new PrestateFile { Path = "data/small.txt", Size = 17, Content = ContentKind.Synthetic },
        ],
    };

    [RequiresSambaFact]
    public async Task Creates_the_prestate_over_smb_idempotently_and_cleanup_keeps_foreign_files()
    {
        await using var writer = await ConnectAsync();
        var provisioner = new PrestateProvisioner(writer);

        var result = await provisioner.ProvisionAsync(Sample(), "smbench/run-7", ManifestPath);

        var root = Path.Combine(Server.SharePath, "smbench", "run-7");
        Assert.Equal(3, result.FilesCreated);
        Assert.Equal(3_500_000, new FileInfo(Path.Combine(root, "data", "a.bin")).Length);
        Assert.Equal(10_000_000, new FileInfo(Path.Combine(root, "data", "deep", "z.bin")).Length);
        Assert.True(Directory.Exists(Path.Combine(root, "empty")));
        var expected = new byte[4096];
        SyntheticContent.Fill("smbench/run-7/data/a.bin", 3_000_000, expected);
        await using (var f = File.OpenRead(Path.Combine(root, "data", "a.bin")))
        {
            var actual = new byte[4096];
            f.Position = 3_000_000;
            await f.ReadExactlyAsync(actual);
            Assert.Equal(expected, actual);
        }

        var again = await provisioner.ProvisionAsync(Sample(), "smbench/run-7", ManifestPath);
        Assert.Equal(0, again.FilesCreated);
        Assert.Equal(0, again.DirectoriesCreated);

        await File.WriteAllTextAsync(Path.Combine(root, "data", "theirs.txt"), "keep");
        var left = await provisioner.CleanupAsync(ManifestPath);

        Assert.Equal(["smbench/run-7/data", "smbench/run-7", "smbench"], left);
        Assert.True(File.Exists(Path.Combine(root, "data", "theirs.txt")));
        Assert.False(File.Exists(Path.Combine(root, "data", "a.bin")));
        Assert.False(Directory.Exists(Path.Combine(root, "data", "deep")));
        Assert.False(Directory.Exists(Path.Combine(root, "empty")));
    }
}
