using SMBench.Smb.Protocol;

namespace SMBench.Smb.Transport;

/// <summary>A request on the wire waiting for its final response, found again by MessageId.</summary>
internal sealed class PendingRequest(ulong messageId, Smb2Command command, ulong sessionId, bool encrypted)
{
    public ulong MessageId { get; } = messageId;
    public Smb2Command Command { get; } = command;
    public ulong SessionId { get; } = sessionId;
    public bool Encrypted { get; } = encrypted;

    /// <summary>The request went out signed: its response must come back signed (MS-SMB2 §3.2.5.1.3).</summary>
    public bool Signed { get; set; }

    /// <summary>Stopwatch timestamp of the moment the request was handed to the socket; 0 until then. Drives the request timeout.</summary>
    public long SentAt;

    /// <summary>An interim STATUS_PENDING arrived: the server is working on it, so the request timeout no longer applies.</summary>
    public volatile bool Interim;

    /// <summary>Set from the STATUS_PENDING interim response; CANCEL then names the request by it.</summary>
    public ulong AsyncId { get; set; }

    /// <summary>The caller gave up (cancelled); the final response is still consumed for its credits.</summary>
    public volatile bool Abandoned;

    /// <summary>
    /// Completed on the read loop with the caller's continuation running inline: a response costs no extra thread
    /// hop (the socket engine already moved it to a pool thread once). Continuations must not block.
    /// </summary>
    public TaskCompletionSource<Smb2Response> Completion { get; } = new(TaskCreationOptions.None);
}
