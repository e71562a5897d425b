using System.Buffers.Binary;

namespace SMBench.Smb.Messages;

/// <summary>SMB2_LOCK_ELEMENT (MS-SMB2 §2.2.26.1): Offset, Length, Flags, Reserved — 24 bytes.</summary>
public readonly record struct LockElement(ulong Offset, ulong Length, LockFlags Flags)
{
    public const int Size = 24;

    public static LockElement Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(source),
        BinaryPrimitives.ReadUInt64LittleEndian(source[8..]),
        (LockFlags)BinaryPrimitives.ReadUInt32LittleEndian(source[16..]));

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, Offset);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], (uint)Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], 0);
    }
}
