using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>
/// FILE_BASIC_INFORMATION (MS-FSCC §2.4.7): four FILETIMEs, FileAttributes, 4 reserved bytes — 40 bytes. In SET_INFO
/// a time of 0 means "leave unchanged" and -1 "stop updating it".
/// </summary>
public sealed record FileBasicInformation : IFileInformation
{
    public const int Size = 40;

    public long CreationTime { get; init; }

    public long LastAccessTime { get; init; }

    public long LastWriteTime { get; init; }

    public long ChangeTime { get; init; }

    public SmbFileAttributes FileAttributes { get; init; }

    public FileInformationClass InformationClass => FileInformationClass.FileBasicInformation;

    public int Length => Size;

    public static FileBasicInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, Size - 4, "FileBasicInformation"); // some servers omit the trailing Reserved
        return new FileBasicInformation
        {
            CreationTime = BinaryPrimitives.ReadInt64LittleEndian(buffer),
            LastAccessTime = BinaryPrimitives.ReadInt64LittleEndian(buffer[8..]),
            LastWriteTime = BinaryPrimitives.ReadInt64LittleEndian(buffer[16..]),
            ChangeTime = BinaryPrimitives.ReadInt64LittleEndian(buffer[24..]),
            FileAttributes = (SmbFileAttributes)BinaryPrimitives.ReadUInt32LittleEndian(buffer[32..]),
        };
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, CreationTime);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], LastAccessTime);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], LastWriteTime);
        BinaryPrimitives.WriteInt64LittleEndian(destination[24..], ChangeTime);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[32..], (uint)FileAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[36..], 0);
    }
}
