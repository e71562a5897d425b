using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Local;
using SMBench.Core.Ir;
using Xunit;

namespace SMBench.Streams.Tests.Runs;

public sealed class LocalBackendConfinementTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-confine-").FullName;

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("..\\escape.txt")]
    [InlineData("/etc/passwd")]
    public async Task Paths_that_leave_the_root_are_refused(string path)
    {
        var root = Path.Combine(_tmp, "root");
        await using var backend = new LocalBackend(root, null);
        var session = await backend.OpenClientAsync("c", default);
        var outcome = await session.ExecuteAsync(
            new OpenOp { OpId = "1", ClientId = "c", TimestampUs = 0, Path = path, Mode = OpenMode.Write, Handle = "h" }, null, default);
        Assert.NotEqual("STATUS_SUCCESS", outcome.Status);
        Assert.False(File.Exists(Path.Combine(_tmp, "escape.txt")));
        Assert.Empty(Directory.GetFiles(_tmp, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_symbolic_link_inside_the_root_is_never_followed()
    {
        var root = Path.Combine(_tmp, "root");
        var outside = Path.Combine(_tmp, "outside");
        Directory.CreateDirectory(outside);
        await using var backend = new LocalBackend(root, null);
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), outside);
        var session = await backend.OpenClientAsync("c", default);
        foreach (var op in new IrOperation[]
                 {
                     new OpenOp { OpId = "1", ClientId = "c", TimestampUs = 0, Path = "link/x.txt", Mode = OpenMode.Write, Handle = "h" },
                     new MkdirOp { OpId = "2", ClientId = "c", TimestampUs = 0, Path = "link/d" },
                     new RenameOp { OpId = "3", ClientId = "c", TimestampUs = 0, SourcePath = "link", DestPath = "link/y" },
                 })
        {
            var outcome = await session.ExecuteAsync(op, null, default);
            Assert.Equal("STATUS_ACCESS_DENIED", outcome.Status);
        }
        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
