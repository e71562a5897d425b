using SMBench.Smb.Protocol;

namespace SMBench.Smb.Transport;

/// <summary>A request on the wire waiting for its final response, found again by MessageId.</summary>
internal sealed class PendingRequest(ulong messageId, Smb2Command command, ulong sessionId, bool encrypted)
{
    public ulong MessageId { get; } = messageId;
    public Smb2Command Command { get; } = command;
    public ulong SessionId { get; } = sessionId;
    public bool Encrypted { get; } = encrypted;

    /// <summary>Set from the STATUS_PENDING interim response; CANCEL then names the request by it.</summary>
    public ulong AsyncId { get; set; }

    /// <summary>The caller gave up (cancelled); the final response is still consumed for its credits.</summary>
    public volatile bool Abandoned;

    public TaskCompletionSource<Smb2Response> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
