using SMBench.Core.Ir;

namespace SMBench.Actors.Backends;

/// <summary>
/// Where a replay's operations go. A backend opens one session per simulated client (its own connection and
/// login where the backend has such things) and declares what it can do, so a run that asks for more is refused
/// before anything is sent.
/// </summary>
public interface IReplayBackend : IAsyncDisposable
{
    string Name { get; }
    BackendCapabilities Capabilities { get; }

    /// <summary>Connects and logs in one client. Throws <see cref="BackendLoginException"/> for bad credentials.</summary>
    Task<IClientSession> OpenClientAsync(string clientId, CancellationToken cancellationToken);
}

/// <summary>One simulated client's session: executes ops in the order the ClientActor hands them over.</summary>
public interface IClientSession : IAsyncDisposable
{
    /// <param name="handle">For ops on a handle: what this session's open returned for it.</param>
    ValueTask<OpOutcome> ExecuteAsync(IrOperation op, object? handle, CancellationToken cancellationToken);
}

/// <summary>A session that reconnects by itself after its connection dies; the count goes to the summary.</summary>
public interface IReconnectingSession
{
    long Reconnects { get; }
}

/// <param name="Status">NTSTATUS text (see <c>StatusText</c>) or an SMBENCH_ failure kind.</param>
/// <param name="Handle">What an open produced, handed back for ops on that handle_ref.</param>
public readonly record struct OpOutcome(string Status, long Bytes = 0, object? Handle = null, string? Error = null);

public enum ReplayMode
{
    /// <summary>Mode 0: core ops with default open semantics.</summary>
    Mvp,
    /// <summary>Mode 1: captured dispositions, access and share modes; expected statuses compared.</summary>
    Realistic,
    /// <summary>Mode 2: plus oplocks, leases and durable handles.</summary>
    Full,
}

public sealed record BackendCapabilities(IReadOnlySet<ReplayMode> Modes, IReadOnlySet<string> OpTypes);

/// <summary>The client could not log in: supervision stops it rather than retrying.</summary>
public sealed class BackendLoginException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The backend refused something the IR asked for (e.g. a path outside the root).</summary>
public sealed class BackendRefusedException(string status, string message) : Exception(message)
{
    public string Status { get; } = status;
}
