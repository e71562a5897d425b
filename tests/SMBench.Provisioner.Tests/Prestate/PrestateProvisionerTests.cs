using SMBench.Provisioner.Manifest;
using SMBench.Provisioner.Prestate;
using Xunit;

namespace SMBench.Provisioner.Tests.Prestate;

public sealed class PrestateProvisionerTests : IDisposable
{
    private readonly string _share = Directory.CreateTempSubdirectory("smbench-prestate-").FullName;
    private readonly string _work = Directory.CreateTempSubdirectory("smbench-prestate-work-").FullName;
    private string ManifestPath => Path.Combine(_work, ProvisionManifest.DefaultFileName);

    public void Dispose()
    {
        Directory.Delete(_share, true);
        Directory.Delete(_work, true);
    }

    private static PrestateDocument Sample() => new()
    {
        Directories = [new PrestateDirectory { Path = "empty/dir" }],
        Files =
        [
            new PrestateFile { Path = "docs\\report.docx", Size = 3_000_000, Content = ContentKind.Synthetic },
            new PrestateFile { Path = "docs/big/zero.bin", Size = 5_000_000 },
            new PrestateFile { Path = "top.txt", Size = 0 },
        ],
    };

    [Fact]
    public async Task Creates_folders_and_files_with_sizes_under_the_root_and_cleanup_removes_only_those()
    {
        var provisioner = new PrestateProvisioner(new LocalDirectoryShareWriter(_share));

        var result = await provisioner.ProvisionAsync(Sample(), "smbench/run-1", ManifestPath);

        var root = Path.Combine(_share, "smbench", "run-1");
        Assert.Equal(3_000_000, new FileInfo(Path.Combine(root, "docs", "report.docx")).Length);
        Assert.Equal(5_000_000, new FileInfo(Path.Combine(root, "docs", "big", "zero.bin")).Length);
        Assert.Equal(0, new FileInfo(Path.Combine(root, "top.txt")).Length);
        Assert.True(Directory.Exists(Path.Combine(root, "empty", "dir")));
        Assert.Equal(3, result.FilesCreated);
        Assert.Equal(6, result.DirectoriesCreated); // smbench, smbench/run-1, empty, empty/dir, docs, docs/big
        Assert.All(await File.ReadAllBytesAsync(Path.Combine(root, "docs", "big", "zero.bin")), b => Assert.Equal(0, b));

        // Someone else's file inside a folder we created: cleanup must keep it and that folder.
        await File.WriteAllTextAsync(Path.Combine(root, "docs", "theirs.txt"), "keep");
        var left = await provisioner.CleanupAsync(ManifestPath);

        Assert.True(File.Exists(Path.Combine(root, "docs", "theirs.txt")));
        Assert.False(File.Exists(Path.Combine(root, "docs", "report.docx")));
        Assert.False(Directory.Exists(Path.Combine(root, "empty")));
        Assert.Equal(["smbench/run-1/docs", "smbench/run-1", "smbench"], left);
        Assert.False(File.Exists(ManifestPath));
    }

    [Fact]
    public async Task Rerun_is_idempotent_and_fixes_a_wrong_size()
    {
        var provisioner = new PrestateProvisioner(new LocalDirectoryShareWriter(_share));
        await provisioner.ProvisionAsync(Sample(), "/", ManifestPath);
        await File.WriteAllTextAsync(Path.Combine(_share, "top.txt"), "grown");

        var again = await provisioner.ProvisionAsync(Sample(), "/", ManifestPath);

        Assert.Equal(0, again.FilesCreated);
        Assert.Equal(0, again.DirectoriesCreated);
        Assert.Equal(1, again.FilesResized);
        Assert.Equal(0, new FileInfo(Path.Combine(_share, "top.txt")).Length);
        var manifest = await ProvisionManifest.LoadAsync(ManifestPath);
        Assert.Equal(3, manifest.Prestate!.Files.Count);
    }

    [Fact]
    public async Task Synthetic_content_is_deterministic_per_path()
    {
        var provisioner = new PrestateProvisioner(new LocalDirectoryShareWriter(_share));
        await provisioner.ProvisionAsync(Sample(), "a");
        await provisioner.ProvisionAsync(Sample(), "b");

        var a = await File.ReadAllBytesAsync(Path.Combine(_share, "a", "docs", "report.docx"));
        var b = await File.ReadAllBytesAsync(Path.Combine(_share, "b", "docs", "report.docx"));
        var expected = new byte[100];
        SyntheticContent.Fill("a/docs/report.docx", 1_048_570, expected);

        Assert.Equal(expected, a.AsSpan(1_048_570, 100).ToArray());
        Assert.NotEqual(a.AsSpan(0, 4096).ToArray(), b.AsSpan(0, 4096).ToArray());
        Assert.True(a.Distinct().Count() > 200);
    }

    [Fact]
    public async Task Dry_run_plans_without_writing()
    {
        var result = await new PrestateProvisioner(new LocalDirectoryShareWriter(_share)).ProvisionAsync(Sample(), "r", ManifestPath, dryRun: true);

        Assert.True(result.DryRun);
        Assert.Equal(8_000_000, result.BytesPlanned);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_share));
        Assert.False(File.Exists(ManifestPath));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    public async Task Paths_escaping_the_share_are_rejected(string path)
    {
        var doc = new PrestateDocument { Files = [new PrestateFile { Path = path, Size = 1 }] };

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            new PrestateProvisioner(new LocalDirectoryShareWriter(_share)).ProvisionAsync(doc, ""));
    }
}
