using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// The 36-byte layout (Reserved, Flags, LeaseKey, LeaseState, LeaseDuration) shared by the lease break
/// acknowledgment (§2.2.24.2) and response (§2.2.25.2).
/// </summary>
internal static class LeaseBreakBody
{
    public const ushort StructureSize = 36;

    public static (uint Flags, Guid LeaseKey, LeaseState State, ulong Duration) Parse(ReadOnlySpan<byte> message, string what)
    {
        var body = SmbWire.Body(message, StructureSize, what);
        return (BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            new Guid(body.Slice(8, 16)),
            (LeaseState)BinaryPrimitives.ReadUInt32LittleEndian(body[24..]),
            BinaryPrimitives.ReadUInt64LittleEndian(body[28..]));
    }

    public static int Write(Span<byte> message, uint flags, Guid leaseKey, LeaseState state, ulong duration, string what)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + StructureSize, what);
        var body = message.Slice(Smb2Header.Size, StructureSize);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], flags);
        leaseKey.TryWriteBytes(body[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[24..], (uint)state);
        BinaryPrimitives.WriteUInt64LittleEndian(body[28..], duration);
        return Smb2Header.Size + StructureSize;
    }
}
