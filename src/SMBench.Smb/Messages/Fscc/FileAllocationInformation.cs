using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>FILE_ALLOCATION_INFORMATION (MS-FSCC §2.4.4): the allocation size to reserve.</summary>
public sealed record FileAllocationInformation(long AllocationSize) : IFileInformation
{
    public FileInformationClass InformationClass => FileInformationClass.FileAllocationInformation;

    public int Length => 8;

    public static FileAllocationInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, 8, "FileAllocationInformation");
        return new FileAllocationInformation(BinaryPrimitives.ReadInt64LittleEndian(buffer));
    }

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteInt64LittleEndian(destination, AllocationSize);
}
