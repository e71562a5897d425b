using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>Flags of FILE_RENAME_INFORMATION_EX (MS-FSCC §2.4.38).</summary>
[Flags]
public enum FileRenameFlags : uint
{
    None = 0,
    ReplaceIfExists = 0x0000_0001,
    PosixSemantics = 0x0000_0002,
    SuppressPinStateInheritance = 0x0000_0004,
    SuppressStorageReserveInheritance = 0x0000_0008,
    NoIncreaseAvailableSpace = 0x0000_0010,
    NoDecreaseAvailableSpace = 0x0000_0020,
    IgnoreReadOnlyAttribute = 0x0000_0040,
    ForceResizeTargetSr = 0x0000_0080,
    ForceResizeSourceSr = 0x0000_0100,
}

/// <summary>
/// FILE_RENAME_INFORMATION_EX (class 65, MS-FSCC §2.4.38), the form current Windows clients send: the TYPE_2
/// layout with a 32-bit Flags field where ReplaceIfExists was.
/// </summary>
public sealed record FileRenameInformationEx(string FileName, FileRenameFlags Flags = FileRenameFlags.None, ulong RootDirectory = 0) : IFileInformation
{
    private const int FixedLength = 20;

    public FileInformationClass InformationClass => FileInformationClass.FileRenameInformationEx;

    public int Length => Math.Max(FixedLength + SmbWire.Utf16Length(FileName), 24);

    public bool ReplaceIfExists => (Flags & FileRenameFlags.ReplaceIfExists) != 0;

    public static FileRenameInformationEx Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, FixedLength, "FileRenameInformationEx");
        var nameLength = BinaryPrimitives.ReadUInt32LittleEndian(buffer[16..]);
        var name = SmbWire.SliceLocal(buffer, FixedLength, nameLength, "FileRenameInformationEx FileName");
        return new FileRenameInformationEx(
            SmbWire.Utf16(name, "FileRenameInformationEx FileName"),
            (FileRenameFlags)BinaryPrimitives.ReadUInt32LittleEndian(buffer),
            BinaryPrimitives.ReadUInt64LittleEndian(buffer[8..]));
    }

    public void WriteTo(Span<byte> destination)
    {
        destination[..Length].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], RootDirectory);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], (uint)SmbWire.Utf16Length(FileName));
        SmbWire.WriteUtf16(FileName, destination[FixedLength..]);
    }
}
