using SMBench.Smb.Client;

namespace SMBench.Actors.Backends.Smb;

/// <summary>
/// One of the N connections of <c>--connections shared:N</c>: a TCP connection with its own ClientGuid that several
/// simulated clients use, each with its own session (login) on it, as the users of a terminal server share one
/// client machine's connection. Connected on first use, replaced once when it dies (the first client to notice
/// reconnects it, the others find the new one), closed when its last client is done.
/// </summary>
internal sealed class SharedConnection(Guid clientGuid)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmbConnection? _current;
    private int _users;

    public Guid ClientGuid { get; } = clientGuid;

    /// <summary>The live connection, or a new one made by <paramref name="connect"/> when there is none or it is <paramref name="dead"/>.</summary>
    public async Task<SmbConnection> GetAsync(Func<Task<SmbConnection>> connect, SmbConnection? dead, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_current is { IsConnected: true } live && !ReferenceEquals(live, dead)) return live;
            var old = _current;
            _current = null;
            if (old != null) await old.DisposeAsync().ConfigureAwait(false);
            return _current = await connect().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void AddUser() => Interlocked.Increment(ref _users);

    /// <summary>A client is done with it; the last one closes the connection.</summary>
    public async ValueTask ReleaseAsync()
    {
        if (Interlocked.Decrement(ref _users) > 0) return;
        await CloseAsync().ConfigureAwait(false);
    }

    public async ValueTask CloseAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_current != null) await _current.DisposeAsync().ConfigureAwait(false);
            _current = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
