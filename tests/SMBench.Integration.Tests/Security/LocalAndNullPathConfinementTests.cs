using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Local;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using Xunit;

namespace SMBench.Integration.Tests.Security;

/// <summary>
/// The hostile path list of <see cref="SmbPathConfinementTests"/> against the local backend (a directory on this
/// machine, with sentinels beside and above its root) and the null backend (which must touch nothing at all).
/// </summary>
public sealed class LocalAndNullPathConfinementTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-confine-all-").FullName;

    public void Dispose() => Directory.Delete(_tmp, true);

    private List<string> Snapshot(string except) =>
        Directory.EnumerateFileSystemEntries(_tmp, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => p != except && !p.StartsWith(except + "/", StringComparison.Ordinal))
            .Select(p => File.Exists(p) ? p + "=" + File.ReadAllText(p) : p + "/")
            .Order(StringComparer.Ordinal)
            .ToList();

    private async Task<int> RunAllAsync(IReplayBackend backend, string root)
    {
        File.WriteAllText(Path.Combine(_tmp, "sentinel.txt"), "above the root");
        Directory.CreateDirectory(Path.Combine(_tmp, "other"));
        File.WriteAllText(Path.Combine(_tmp, "other", "sentinel.txt"), "sibling");
        var before = Snapshot(root);
        await using var session = await backend.OpenClientAsync("c", CancellationToken.None);
        var refused = 0;
        var n = 0;
        foreach (var path in HostilePaths.All)
        {
            var seed = await session.ExecuteAsync(new OpenOp { OpId = "seed", ClientId = "c", TimestampUs = 0, Path = "inside.txt", Mode = OpenMode.Write, Handle = "s" }, null, CancellationToken.None);
            await session.ExecuteAsync(new CloseOp { OpId = "seed-c", ClientId = "c", TimestampUs = 0, Handle = "s" }, seed.Handle, CancellationToken.None);
            foreach (var op in HostilePaths.Attempts(path, n++))
            {
                var outcome = await session.ExecuteAsync(op, null, CancellationToken.None);
                if (!StatusText.IsSuccess(outcome.Status)) refused++;
                if (op is OpenOp open && outcome.Handle != null)
                    await session.ExecuteAsync(new CloseOp { OpId = op.OpId + "c", ClientId = "c", TimestampUs = 0, Handle = open.Handle }, outcome.Handle, CancellationToken.None);
                var after = Snapshot(root);
                Assert.True(after.SequenceEqual(before), $"{op.Type} '{path}' changed something outside the root: {string.Join(", ", after.Except(before))}");
            }
        }
        return refused;
    }

    [Fact]
    public async Task Hostile_ir_paths_never_reach_outside_the_local_root()
    {
        var root = Path.Combine(_tmp, "root");
        await using var backend = new LocalBackend(root, null);
        var refused = await RunAllAsync(backend, root);
        Assert.True(refused > HostilePaths.All.Count * 4, $"only {refused} attempts were refused");
    }

    [Fact]
    public async Task The_null_backend_touches_no_file_at_all()
    {
        await using var backend = new NullBackend();
        await RunAllAsync(backend, Path.Combine(_tmp, "no-root"));
        Assert.False(Directory.Exists(Path.Combine(_tmp, "no-root")));
        Assert.Equal(3, Directory.EnumerateFileSystemEntries(_tmp, "*", SearchOption.AllDirectories).Count());
    }
}
