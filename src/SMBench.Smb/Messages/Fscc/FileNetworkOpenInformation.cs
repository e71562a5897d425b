using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>FILE_NETWORK_OPEN_INFORMATION (MS-FSCC §2.4.29): times, sizes and attributes in one 56-byte answer.</summary>
public readonly record struct FileNetworkOpenInformation
{
    public const int Size = 56;

    public long CreationTime { get; init; }

    public long LastAccessTime { get; init; }

    public long LastWriteTime { get; init; }

    public long ChangeTime { get; init; }

    public long AllocationSize { get; init; }

    public long EndOfFile { get; init; }

    public SmbFileAttributes FileAttributes { get; init; }

    public static FileNetworkOpenInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, 52, "FileNetworkOpenInformation");
        return new FileNetworkOpenInformation
        {
            CreationTime = BinaryPrimitives.ReadInt64LittleEndian(buffer),
            LastAccessTime = BinaryPrimitives.ReadInt64LittleEndian(buffer[8..]),
            LastWriteTime = BinaryPrimitives.ReadInt64LittleEndian(buffer[16..]),
            ChangeTime = BinaryPrimitives.ReadInt64LittleEndian(buffer[24..]),
            AllocationSize = BinaryPrimitives.ReadInt64LittleEndian(buffer[32..]),
            EndOfFile = BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]),
            FileAttributes = (SmbFileAttributes)BinaryPrimitives.ReadUInt32LittleEndian(buffer[48..]),
        };
    }

    public void WriteTo(Span<byte> destination)
    {
        destination[..Size].Clear();
        BinaryPrimitives.WriteInt64LittleEndian(destination, CreationTime);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], LastAccessTime);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], LastWriteTime);
        BinaryPrimitives.WriteInt64LittleEndian(destination[24..], ChangeTime);
        BinaryPrimitives.WriteInt64LittleEndian(destination[32..], AllocationSize);
        BinaryPrimitives.WriteInt64LittleEndian(destination[40..], EndOfFile);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[48..], (uint)FileAttributes);
    }
}
