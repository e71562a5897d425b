using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Smb;
using SMBench.Core.Credentials;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Security;

/// <summary>
/// The smb backend places every IR path under --root on the share. Hostile paths (which validation already rejects,
/// so they are fed to the backend directly here) must not touch anything outside the root on a real smbd: not the
/// share's other folders, not the file system above the share. The local backend has the same test in
/// SMBench.Streams.Tests (LocalBackendConfinementTests); the null backend does no I/O at all.
/// </summary>
public sealed class SmbPathConfinementTests
{
    private const string Root = "confined/run";

    [RequiresSambaFact]
    public async Task Hostile_ir_paths_never_reach_outside_the_root_on_the_server()
    {
        await using var smbd = await SambaServer.StartAsync();
        var share = smbd.SharePath;
        // What an escape would hit: a file at the share's top, a sibling folder of the root, a file above the share.
        File.WriteAllText(Path.Combine(share, "sentinel.txt"), "share top");
        Directory.CreateDirectory(Path.Combine(share, "confined", "other"));
        File.WriteAllText(Path.Combine(share, "confined", "other", "sentinel.txt"), "sibling");
        // Writable by the smbd user like the share itself, so only confinement (not permissions) keeps them intact.
        foreach (var d in new[] { "confined", "confined/other" }) File.SetUnixFileMode(Path.Combine(share, d), (UnixFileMode)0b111_111_111);
        foreach (var f in new[] { "sentinel.txt", "confined/other/sentinel.txt" }) File.SetUnixFileMode(Path.Combine(share, f), (UnixFileMode)0b110_110_110);
        File.WriteAllText(Path.Combine(smbd.Root, "sentinel.txt"), "above the share");
        var before = Snapshot(smbd.Root, Path.Combine(share, "confined", "run"));

        await using var backend = new SmbBackend(new SmbTarget("127.0.0.1", smbd.Port, smbd.ShareName, Root),
            _ => new Credential(null, smbd.UserName, smbd.Password), ReplayMode.Realistic, null);
        await using var session = await backend.OpenClientAsync("c", CancellationToken.None);
        var refused = 0;
        var n = 0;
        foreach (var path in HostilePaths.All)
        {
            // A file inside the root for the renames to try to move out.
            var seed = await session.ExecuteAsync(new OpenOp { OpId = "seed", ClientId = "c", TimestampUs = 0, Path = "inside.txt", Mode = OpenMode.Write, Handle = "s" }, null, CancellationToken.None);
            Assert.Equal(StatusText.Success, seed.Status);
            await session.ExecuteAsync(new CloseOp { OpId = "seed-c", ClientId = "c", TimestampUs = 0, Handle = "s" }, seed.Handle, CancellationToken.None);
            foreach (var op in HostilePaths.Attempts(path, n++))
            {
                var outcome = await session.ExecuteAsync(op, null, CancellationToken.None);
                if (!StatusText.IsSuccess(outcome.Status)) refused++;
                if (op is OpenOp && outcome.Handle != null)
                    await session.ExecuteAsync(new CloseOp { OpId = op.OpId + "c", ClientId = "c", TimestampUs = 0, Handle = ((OpenOp)op).Handle }, outcome.Handle, CancellationToken.None);
                Assert.True(Snapshot(smbd.Root, Path.Combine(share, "confined", "run")).SequenceEqual(before),
                    $"{op.Type} '{path}' changed something outside the root: {Describe(smbd.Root, before, Path.Combine(share, "confined", "run"))}");
            }
        }
        Assert.True(refused > HostilePaths.All.Count * 4, $"only {refused} attempts were refused");
        Assert.Equal("share top", File.ReadAllText(Path.Combine(share, "sentinel.txt")));
        Assert.Equal("sibling", File.ReadAllText(Path.Combine(share, "confined", "other", "sentinel.txt")));
        Assert.Equal("above the share", File.ReadAllText(Path.Combine(smbd.Root, "sentinel.txt")));
    }

    // Every entry (and file content) under the smbd's private root except the replay root and smbd's own state.
    private static List<string> Snapshot(string root, string replayRoot)
    {
        var skip = new[] { "private", "lock", "state", "cache", "pid", "ncalrpc", "winbindd", "log" }.Select(d => Path.Combine(root, d)).ToList();
        return Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => p != replayRoot && !p.StartsWith(replayRoot + "/", StringComparison.Ordinal)
                        && !skip.Any(s => p == s || p.StartsWith(s + "/", StringComparison.Ordinal)))
            .Select(p => File.Exists(p) ? p + "=" + File.ReadAllText(p) : p + "/")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Describe(string root, List<string> before, string replayRoot) =>
        string.Join(", ", Snapshot(root, replayRoot).Except(before).Concat(before.Except(Snapshot(root, replayRoot)).Select(x => "-" + x)));
}
