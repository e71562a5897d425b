using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>
/// FILE_RENAME_INFORMATION_TYPE_2 (MS-FSCC §2.4.37.2), the 64-bit form SMB2 uses: ReplaceIfExists, 7 reserved
/// bytes, RootDirectory (0 over SMB2), FileNameLength, FileName. FileName is the target path relative to the share
/// root.
/// </summary>
public sealed record FileRenameInformation(string FileName, bool ReplaceIfExists = false, ulong RootDirectory = 0) : IFileInformation
{
    private const int FixedLength = 20;

    // Windows sends at least 24 bytes (the C struct size with a one-WCHAR name); some servers check for it.
    private const int MinimumLength = 24;

    public FileInformationClass InformationClass => FileInformationClass.FileRenameInformation;

    public int Length => Math.Max(FixedLength + SmbWire.Utf16Length(FileName), MinimumLength);

    public static FileRenameInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, FixedLength, "FileRenameInformation");
        var nameLength = BinaryPrimitives.ReadUInt32LittleEndian(buffer[16..]);
        var name = SmbWire.SliceLocal(buffer, FixedLength, nameLength, "FileRenameInformation FileName");
        return new FileRenameInformation(
            SmbWire.Utf16(name, "FileRenameInformation FileName"),
            buffer[0] != 0,
            BinaryPrimitives.ReadUInt64LittleEndian(buffer[8..]));
    }

    public void WriteTo(Span<byte> destination)
    {
        destination[..Length].Clear();
        destination[0] = ReplaceIfExists ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], RootDirectory);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], (uint)SmbWire.Utf16Length(FileName));
        SmbWire.WriteUtf16(FileName, destination[FixedLength..]);
    }
}
