using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 lease break acknowledgment (§2.2.24.2): the lease state the client keeps, a subset of the offered NewLeaseState. 36 bytes, by LeaseKey.</summary>
public readonly record struct LeaseBreakAcknowledgment(Guid LeaseKey, LeaseState LeaseState, uint Flags = 0, ulong LeaseDuration = 0) : ISmb2Message
{
    public const ushort StructureSize = LeaseBreakBody.StructureSize;

    public Smb2Command Command => Smb2Command.OplockBreak;

    public int BodyLength => StructureSize;

    public static LeaseBreakAcknowledgment Parse(ReadOnlySpan<byte> message)
    {
        var (flags, key, state, duration) = LeaseBreakBody.Parse(message, "OPLOCK_BREAK lease break acknowledgment");
        return new LeaseBreakAcknowledgment(key, state, flags, duration);
    }

    public int WriteTo(Span<byte> message) =>
        LeaseBreakBody.Write(message, Flags, LeaseKey, LeaseState, LeaseDuration, "OPLOCK_BREAK lease break acknowledgment");
}
