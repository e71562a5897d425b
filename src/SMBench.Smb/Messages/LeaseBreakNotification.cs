using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 lease break notification (MS-SMB2 §2.2.23.2), StructureSize 44, sent on OPLOCK_BREAK with MessageId all 0xFF
/// and SessionId/TreeId 0. Ack only when <see cref="AckRequired"/>.
/// </summary>
public readonly record struct LeaseBreakNotification : ISmb2Message
{
    public const ushort StructureSize = 44;

    /// <summary>SMB2_NOTIFY_BREAK_LEASE_FLAG_ACK_REQUIRED.</summary>
    public const uint AckRequiredFlag = 0x01;

    public ushort NewEpoch { get; init; }

    public uint Flags { get; init; }

    public Guid LeaseKey { get; init; }

    public LeaseState CurrentLeaseState { get; init; }

    public LeaseState NewLeaseState { get; init; }

    public uint BreakReason { get; init; }

    public uint AccessMaskHint { get; init; }

    public uint ShareMaskHint { get; init; }

    public bool AckRequired => (Flags & AckRequiredFlag) != 0;

    public Smb2Command Command => Smb2Command.OplockBreak;

    public int BodyLength => StructureSize;

    public static LeaseBreakNotification Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "OPLOCK_BREAK lease break notification");
        return new LeaseBreakNotification
        {
            NewEpoch = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            LeaseKey = new Guid(body.Slice(8, 16)),
            CurrentLeaseState = (LeaseState)BinaryPrimitives.ReadUInt32LittleEndian(body[24..]),
            NewLeaseState = (LeaseState)BinaryPrimitives.ReadUInt32LittleEndian(body[28..]),
            BreakReason = BinaryPrimitives.ReadUInt32LittleEndian(body[32..]),
            AccessMaskHint = BinaryPrimitives.ReadUInt32LittleEndian(body[36..]),
            ShareMaskHint = BinaryPrimitives.ReadUInt32LittleEndian(body[40..]),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + StructureSize, "lease break notification");
        var body = message.Slice(Smb2Header.Size, StructureSize);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], NewEpoch);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], Flags);
        LeaseKey.TryWriteBytes(body[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[24..], (uint)CurrentLeaseState);
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], (uint)NewLeaseState);
        BinaryPrimitives.WriteUInt32LittleEndian(body[32..], BreakReason);
        BinaryPrimitives.WriteUInt32LittleEndian(body[36..], AccessMaskHint);
        BinaryPrimitives.WriteUInt32LittleEndian(body[40..], ShareMaskHint);
        return Smb2Header.Size + StructureSize;
    }
}
