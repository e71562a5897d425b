using System.Net.Sockets;
using SMBench.Core.Blobs;
using SMBench.Core.Credentials;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Smb.Client;
using SMBench.Smb.Protocol;

namespace SMBench.Actors.Backends.Smb;

/// <summary>
/// Replays over our own SMB2/3 client: every simulated client gets its own TCP connection, ClientGuid, NTLM login
/// (its credentials from <see cref="ICredentialSource"/>) and tree connect — or, with shared connections, its own
/// login and tree connect on one of N connections (<see cref="SharedConnection"/>). All three fidelity modes.
/// </summary>
public sealed class SmbBackend : IReplayBackend
{
    private static readonly BackendCapabilities Caps = new(
        new HashSet<ReplayMode> { ReplayMode.Mvp, ReplayMode.Realistic, ReplayMode.Full }, OpTypes.All.ToHashSet());

    private readonly SmbTarget _target;
    private readonly Func<string, Credential> _credentials;
    private readonly SmbConnectionOptions _options;
    private readonly SemaphoreSlim _rootOnce = new(1, 1);
    private readonly SemaphoreSlim _connecting;
    private bool _rootReady;
    private readonly SharedConnection[] _shared;
    private readonly Dictionary<Guid, SharedConnection> _sharedByGuid;
    private int _nextShared = -1;

    /// <summary>
    /// Connections being set up at once. Servers accept from a short listen queue (smbd: 50); a thousand clients
    /// connecting together overflow it, and the dropped handshakes leave sockets the client believes open.
    /// </summary>
    public const int DefaultMaxConcurrentConnects = 32;

    /// <summary>Connect, negotiate, login and tree connect must finish within this, else the attempt is retried.</summary>
    public static readonly TimeSpan DefaultHandshakeTimeout = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _handshakeTimeout;

    /// <summary>
    /// ECHO interval when the options set none. A request times out after 60 s without an answer
    /// (SmbConnectionOptions.RequestTimeout), but not once the server has said STATUS_PENDING (a lock or a change
    /// notify may rightly wait long); the keepalive also catches a path that goes black — sockets up, nothing passing —
    /// while nothing is outstanding: the connection is given up after at most two intervals and the next op reconnects.
    /// </summary>
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(30);

    static SmbBackend() => StatusText.Register(NtStatus.KnownNames);

    public SmbBackend(SmbTarget target, Func<string, Credential> credentials, ReplayMode mode, BlobStore? blobs,
        SmbConnectionOptions? options = null, int maxConcurrentConnects = DefaultMaxConcurrentConnects, TimeSpan? handshakeTimeout = null,
        int sharedConnections = 0)
    {
        if (sharedConnections < 0) throw new ArgumentOutOfRangeException(nameof(sharedConnections), "must be 0 (one per client) or more");
        _shared = [.. Enumerable.Range(0, sharedConnections).Select(_ => new SharedConnection(Guid.NewGuid()))];
        _sharedByGuid = _shared.ToDictionary(s => s.ClientGuid);
        _handshakeTimeout = handshakeTimeout ?? DefaultHandshakeTimeout;
        _connecting = new SemaphoreSlim(Math.Max(1, maxConcurrentConnects));
        _target = target;
        _credentials = credentials;
        Mode = mode;
        Blobs = blobs;
        _options = options ?? new SmbConnectionOptions();
        if (_options.KeepAliveInterval == null) _options = _options with { KeepAliveInterval = DefaultKeepAlive };
    }

    public string Name => "smb";
    public BackendCapabilities Capabilities => Caps;
    public SmbTarget Target => _target;
    internal ReplayMode Mode { get; }
    internal BlobStore? Blobs { get; }

    /// <summary>Connections shared by all clients (0: one connection per client).</summary>
    public int SharedConnections => _shared.Length;

    public async Task<IClientSession> OpenClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var credential = _credentials(clientId);
        // Shared: clients are dealt to the N connections in turn; the client's "ClientGuid" is its connection's.
        var shared = _shared.Length > 0 ? _shared[(uint)Interlocked.Increment(ref _nextShared) % (uint)_shared.Length] : null;
        var clientGuid = shared?.ClientGuid ?? Guid.NewGuid();
        var tree = await ConnectAsync(credential, clientGuid, null, cancellationToken).ConfigureAwait(false);
        shared?.AddUser();
        try
        {
            await EnsureRootAsync(tree, cancellationToken).ConfigureAwait(false);
            return new SmbClientSession(this, tree, credential, clientGuid);
        }
        catch
        {
            await ReleaseAsync(tree).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A client is done: its own connection is closed; on a shared one its session logs off.</summary>
    internal async ValueTask ReleaseAsync(SmbTree tree)
    {
        var shared = Shared(tree.Session.Connection.ClientGuid);
        if (shared == null)
        {
            await tree.Session.Connection.DisposeAsync().ConfigureAwait(false);
            return;
        }
        try
        {
            await tree.Session.LogoffAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SmbStatusException or IOException or ObjectDisposedException)
        {
            // the connection is gone or the server forgot the session: nothing left to log off
        }
        await shared.ReleaseAsync().ConfigureAwait(false);
    }

    private SharedConnection? Shared(Guid clientGuid) => _sharedByGuid.GetValueOrDefault(clientGuid);

    /// <summary>
    /// Connection, login and tree connect; a refused login becomes <see cref="BackendLoginException"/>. A client keeps
    /// its ClientGuid across reconnects: servers tie leases and durable v2 opens to it (MS-SMB2 §3.3.5.9.12).
    /// </summary>
    /// <param name="dead">On reconnect, the connection that died: a shared connection is replaced unless another
    /// client already did.</param>
    internal async Task<SmbTree> ConnectAsync(Credential credential, Guid clientGuid, SmbConnection? dead, CancellationToken ct)
    {
        await _connecting.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_handshakeTimeout);
            try
            {
                return Shared(clientGuid) is { } shared
                    ? await LoginAsync(await shared.GetAsync(() => NewConnectionAsync(clientGuid, timeout.Token), dead, timeout.Token)
                        .ConfigureAwait(false), credential, timeout.Token).ConfigureAwait(false)
                    : await HandshakeAsync(credential, clientGuid, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"no answer from {_target.Host}:{_target.Port} within {_handshakeTimeout.TotalSeconds:F0} s while setting up the session");
            }
        }
        finally
        {
            _connecting.Release();
        }
    }

    private async Task<SmbTree> HandshakeAsync(Credential credential, Guid clientGuid, CancellationToken ct)
    {
        var connection = await NewConnectionAsync(clientGuid, ct).ConfigureAwait(false);
        try
        {
            return await LoginAsync(connection, credential, ct).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SmbConnection> NewConnectionAsync(Guid clientGuid, CancellationToken ct)
    {
        try
        {
            return await SmbConnection.ConnectAsync(_target.Host, _target.Port, _options with { ClientGuid = clientGuid }, ct)
                .ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new IOException($"could not connect to {_target.Host}:{_target.Port}: {e.Message}", e);
        }
    }

    /// <summary>Session setup and tree connect on <paramref name="connection"/>; a refusal becomes <see cref="BackendLoginException"/>.</summary>
    private async Task<SmbTree> LoginAsync(SmbConnection connection, Credential credential, CancellationToken ct)
    {
        SmbSession session;
        try
        {
            session = await connection.LoginAsync(credential.UserName, credential.Domain, credential.Password, ct).ConfigureAwait(false);
        }
        catch (SmbStatusException e)
        {
            throw new BackendLoginException($"login as {credential.DisplayName} to {_target.Host}:{_target.Port} failed: {e.Status}", e);
        }
        try
        {
            return await session.TreeConnectAsync(_target.Share, ct).ConfigureAwait(false);
        }
        catch (SmbStatusException e) when (e.Status == NtStatus.BadNetworkName || e.Status == NtStatus.AccessDenied)
        {
            // On a shared connection the session would outlive the failed client.
            try { await session.LogoffAsync(ct).ConfigureAwait(false); }
            catch (Exception logoff) when (logoff is SmbStatusException or IOException or ObjectDisposedException) { }
            throw new BackendLoginException($"share '{_target.Share}' on {_target.Host}:{_target.Port}: {e.Status}", e);
        }
    }

    /// <summary>Creates the run's root folder (each level) once, before the first client starts.</summary>
    private async Task EnsureRootAsync(SmbTree tree, CancellationToken ct)
    {
        if (_rootReady || _target.Root.Length == 0) return;
        await _rootOnce.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_rootReady) return;
            await SmbPaths.EnsureDirectoryAsync(tree, _target.Root, ct).ConfigureAwait(false);
            _rootReady = true;
        }
        finally
        {
            _rootOnce.Release();
        }
    }

    internal string SmbPath(string irPath)
    {
        var normalized = SharePath.TryNormalize(irPath, out var error)
            ?? throw new BackendRefusedException("STATUS_OBJECT_NAME_INVALID", error!);
        var full = _target.Root.Length == 0 ? normalized : normalized.Length == 0 ? _target.Root : $"{_target.Root}/{normalized}";
        return full.Replace('/', '\\');
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shared in _shared) await shared.CloseAsync().ConfigureAwait(false);
        _rootOnce.Dispose();
        _connecting.Dispose();
    }
}
