using System.Threading.Channels;

namespace SMBench.Actors.Backends;

/// <summary>
/// A session that can receive oplock and lease breaks from its server (SMB in full mode). The ClientActor's
/// OplockActor reads <see cref="Breaks"/> and answers each with <see cref="RespondAsync"/>.
/// </summary>
public interface IBreakSource
{
    ChannelReader<BackendBreak> Breaks { get; }

    /// <summary>Acks (or closes) as the captured client did, else acks to the offered level.</summary>
    Task<BreakAnswer> RespondAsync(BackendBreak brk, CancellationToken cancellationToken);
}

/// <param name="Sent">Whether anything went to the server (no ack is needed for some breaks).</param>
/// <param name="Action">What was done, for the journal ("ack RH", "close", …).</param>
public sealed record BreakAnswer(bool Sent, string Action)
{
    /// <summary>Stopwatch timestamp of the answer leaving for the server (0 when unknown or nothing was sent).</summary>
    public long SentTimestamp { get; init; }

    /// <summary>Stopwatch timestamp of the server's reply to the answer (0 when unknown).</summary>
    public long AnsweredTimestamp { get; init; }
}

/// <param name="Handles">The session handles the break concerns (one for an oplock; every open of a lease).</param>
/// <param name="Kind">"oplock" or "lease".</param>
/// <param name="NewLevel">Oplock level name or lease state letters the server breaks to.</param>
/// <param name="AckRequired">False for breaks that need no answer (LEVEL_II → none, leases without ACK_REQUIRED).</param>
/// <param name="ReceivedTimestamp">Stopwatch timestamp of arrival, for ack latency.</param>
public sealed record BackendBreak(IReadOnlyList<object> Handles, string Kind, string NewLevel, bool AckRequired,
    long ReceivedTimestamp, object Notification)
{
    /// <summary>The answer, when the source already started it the moment the break arrived; else the reader calls
    /// <see cref="IBreakSource.RespondAsync"/>. Never faults unobserved.</summary>
    public Task<BreakAnswer>? Answering { get; init; }
}
