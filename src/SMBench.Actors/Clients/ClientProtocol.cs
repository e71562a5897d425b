using SMBench.Actors.Backends;
using SMBench.Core.Ir;

namespace SMBench.Actors.Clients;

/// <summary>Messages of <see cref="ClientActor"/>.</summary>
public static class ClientProtocol
{
    /// <summary>Run this op; it was due at <paramref name="DueUs"/> on the run clock.</summary>
    public sealed record Execute(IrOperation Op, long DueUs);

    /// <summary>Several ops of one client released together, in order.</summary>
    public sealed record ExecuteBatch(IReadOnlyList<Execute> Ops);

    /// <summary>The run is stopping: drop what was not issued, let in-flight ops finish or cancel.</summary>
    public sealed record StopClient;

    /// <summary>To the parent: the session is up (or why not).</summary>
    public sealed record ClientReady(string ClientId, bool Connected, string? Error);

    /// <summary>From the OplockActor: a break concerns these handles; hold their ops until released.</summary>
    public sealed record HoldHandles(IReadOnlyList<object> Handles);

    /// <param name="Closed">The break was answered by closing the handles (the captured client did).</param>
    public sealed record ReleaseHandles(IReadOnlyList<object> Handles, bool Closed);

    internal sealed record Connect;
    internal sealed record SessionOpened(IClientSession Session);
    internal sealed record SessionFailed(Exception Error);
    internal sealed record OpFinished(PendingOp Pending, OpOutcome Outcome, Exception? Error);
}

/// <summary>An op inside a ClientActor, from arrival to completion.</summary>
internal sealed class PendingOp(IrOperation op, long dueUs)
{
    public IrOperation Op { get; } = op;
    public long DueUs { get; } = dueUs;
    public long IssuedUs { get; set; }
}
