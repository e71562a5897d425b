using SMBench.Provisioner.Prestate;
using Xunit;

namespace SMBench.Provisioner.Tests;

public sealed class WorkloadProvisioningTests : IDisposable
{
    private readonly string _workload = Directory.CreateTempSubdirectory("smbench-wl-").FullName;
    private readonly string _share = Directory.CreateTempSubdirectory("smbench-wl-share-").FullName;

    public void Dispose()
    {
        Directory.Delete(_workload, true);
        Directory.Delete(_share, true);
    }

    [Theory]
    [InlineData("smb://filer/data", "filer", 445, "data")]
    [InlineData("smb://127.0.0.1:4450/share", "127.0.0.1", 4450, "share")]
    public void Parses_smb_targets(string uri, string host, int port, string share)
    {
        var t = ShareTarget.Parse(uri);

        Assert.Equal(("smb", host, port, share), (t.Scheme, t.Host, t.Port, t.Share));
    }

    [Theory]
    [InlineData("smb://filer")]
    [InlineData("smb://filer/a/b")]
    [InlineData("http://x/y")]
    public void Rejects_bad_targets(string uri)
    {
        Assert.Throws<ArgumentException>(() => ShareTarget.Parse(uri));
    }

    [Fact]
    public async Task Provisions_the_workloads_prestate_into_a_local_target_and_cleans_it_up()
    {
        await new PrestateDocument { Files = [new PrestateFile { Path = "d/f.bin", Size = 1234 }] }
            .SaveAsync(Path.Combine(_workload, PrestateDocument.FileName));
        var target = ShareTarget.Parse(new Uri(_share).AbsoluteUri);

        var result = await WorkloadProvisioning.ProvisionAsync(new WorkloadProvisionRequest
        {
            WorkloadDirectory = _workload,
            ClientIds = ["c1"],
            Target = target,
            Root = "smbench/run-1",
        });

        Assert.Null(result.Users);
        Assert.Equal(1, result.Prestate!.FilesCreated);
        Assert.Equal(1234, new FileInfo(Path.Combine(_share, "smbench", "run-1", "d", "f.bin")).Length);
        Assert.True(File.Exists(result.ManifestPath));

        var cleanup = await WorkloadProvisioning.CleanupAsync(result.ManifestPath, null, target, null);

        Assert.Empty(cleanup.PrestateLeft);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_share));
        Assert.False(File.Exists(result.ManifestPath));
    }
}
