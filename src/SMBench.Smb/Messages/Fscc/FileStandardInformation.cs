using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>FILE_STANDARD_INFORMATION (MS-FSCC §2.4.41), a QUERY_INFO answer: sizes, links, delete-pending, directory.</summary>
public readonly record struct FileStandardInformation(long AllocationSize, long EndOfFile, uint NumberOfLinks, bool DeletePending, bool Directory)
{
    public const int Size = 24;

    public static FileStandardInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, 22, "FileStandardInformation"); // the last 2 bytes are reserved padding
        return new FileStandardInformation(
            BinaryPrimitives.ReadInt64LittleEndian(buffer),
            BinaryPrimitives.ReadInt64LittleEndian(buffer[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer[16..]),
            buffer[20] != 0,
            buffer[21] != 0);
    }

    public void WriteTo(Span<byte> destination)
    {
        destination[..Size].Clear();
        BinaryPrimitives.WriteInt64LittleEndian(destination, AllocationSize);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], EndOfFile);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], NumberOfLinks);
        destination[20] = DeletePending ? (byte)1 : (byte)0;
        destination[21] = Directory ? (byte)1 : (byte)0;
    }
}
