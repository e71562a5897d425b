using SMBench.Core.Blobs;
using SMBench.Core.Ir;

namespace SMBench.Actors.Backends.Local;

/// <summary>
/// Replays onto a directory of this machine (or an OS mount of a share): Mode 0, core ops plus the directory and
/// metadata ops the file system can express. Everything stays under the root, whatever the IR says.
/// </summary>
public sealed class LocalBackend : IReplayBackend
{
    private static readonly BackendCapabilities Caps = new(
        new HashSet<ReplayMode> { ReplayMode.Mvp },
        new HashSet<string>
        {
            OpTypes.Open, OpTypes.Read, OpTypes.Write, OpTypes.Close, OpTypes.Rename, OpTypes.Delete, OpTypes.Mkdir,
            OpTypes.Rmdir, OpTypes.List, OpTypes.Stat, OpTypes.Truncate, OpTypes.Flush,
        });

    public LocalBackend(string root, BlobStore? blobs)
    {
        Directory.CreateDirectory(root);
        Paths = new LocalPathResolver(root);
        Blobs = blobs;
    }

    public string Name => "local";
    public BackendCapabilities Capabilities => Caps;
    internal LocalPathResolver Paths { get; }
    internal BlobStore? Blobs { get; }

    public Task<IClientSession> OpenClientAsync(string clientId, CancellationToken cancellationToken)
        => Task.FromResult<IClientSession>(new LocalClientSession(this));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
