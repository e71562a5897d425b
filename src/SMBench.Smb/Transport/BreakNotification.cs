using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Transport;

/// <summary>
/// An unsolicited OPLOCK_BREAK from the server (MessageId all 0xFF, MS-SMB2 §2.2.23): an oplock break for a FileId
/// or a lease break for a LeaseKey. Decoded with the message codecs; the raw message is kept for anything else.
/// </summary>
public sealed record BreakNotification(Smb2Header Header, byte[] Message)
{
    /// <summary>Stopwatch timestamp of the notification's arrival on the connection's read loop.</summary>
    public long ReceivedTimestamp { get; init; }

    public bool IsLeaseBreak => OplockBreakClassifier.Classify(Message) == OplockBreakKind.LeaseNotification;

    /// <summary>The oplock break (FileId and the level to drop to), or null for a lease break.</summary>
    public OplockBreakNotification? Oplock => IsLeaseBreak ? null : OplockBreakNotification.Parse(Message);

    /// <summary>The lease break (LeaseKey, current and new state, whether an ack is required), or null.</summary>
    public LeaseBreakNotification? Lease => IsLeaseBreak ? LeaseBreakNotification.Parse(Message) : null;
}
