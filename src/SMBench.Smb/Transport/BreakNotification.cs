using SMBench.Smb.Protocol;

namespace SMBench.Smb.Transport;

/// <summary>
/// An unsolicited OPLOCK_BREAK from the server (MessageId all 0xFF, MS-SMB2 §2.2.23): either an oplock break for a
/// FileId or a lease break for a LeaseKey. The raw message is kept for callers that want every field.
/// </summary>
public sealed record BreakNotification(Smb2Header Header, byte[] Message)
{
    /// <summary>24-byte body: oplock break. 44-byte body: lease break.</summary>
    public bool IsLeaseBreak => Message.Length >= Smb2Header.Size + 44 && BitConverter.ToUInt16(Message, Smb2Header.Size) == 44;

    public OplockBreakInfo? Oplock => IsLeaseBreak ? null : OplockBreakInfo.Parse(Message);

    public LeaseBreakInfo? Lease => IsLeaseBreak ? LeaseBreakInfo.Parse(Message) : null;
}

/// <summary>Oplock break notification fields (MS-SMB2 §2.2.23.1).</summary>
public sealed record OplockBreakInfo(OplockLevel OplockLevel, FileId FileId)
{
    public static OplockBreakInfo Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, 24, "OPLOCK_BREAK notification");
        return new OplockBreakInfo((OplockLevel)body[2], FileId.Parse(body[8..]));
    }
}

/// <summary>Lease break notification fields (MS-SMB2 §2.2.23.2).</summary>
public sealed record LeaseBreakInfo(ushort NewEpoch, uint Flags, Guid LeaseKey, LeaseState CurrentLeaseState, LeaseState NewLeaseState)
{
    public const uint AckRequired = 0x01;

    public bool AckIsRequired => (Flags & AckRequired) != 0;

    public static LeaseBreakInfo Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, 44, "LEASE_BREAK notification");
        return new LeaseBreakInfo(BitConverter.ToUInt16(body[2..]), BitConverter.ToUInt32(body[4..]), new Guid(body.Slice(8, 16)),
            (LeaseState)BitConverter.ToUInt32(body[24..]), (LeaseState)BitConverter.ToUInt32(body[28..]));
    }
}
