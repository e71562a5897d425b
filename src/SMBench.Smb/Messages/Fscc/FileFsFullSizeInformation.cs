using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>FILE_FS_FULL_SIZE_INFORMATION (MS-FSCC §2.5.4): volume size and free space in allocation units.</summary>
public readonly record struct FileFsFullSizeInformation(
    long TotalAllocationUnits, long CallerAvailableAllocationUnits, long ActualAvailableAllocationUnits,
    uint SectorsPerAllocationUnit, uint BytesPerSector)
{
    public const int Size = 32;

    public long BytesPerAllocationUnit => (long)SectorsPerAllocationUnit * BytesPerSector;

    public static FileFsFullSizeInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, Size, "FileFsFullSizeInformation");
        return new FileFsFullSizeInformation(
            BinaryPrimitives.ReadInt64LittleEndian(buffer),
            BinaryPrimitives.ReadInt64LittleEndian(buffer[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(buffer[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer[24..]),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer[28..]));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, TotalAllocationUnits);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], CallerAvailableAllocationUnits);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], ActualAvailableAllocationUnits);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], SectorsPerAllocationUnit);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], BytesPerSector);
    }
}
