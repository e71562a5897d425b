using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>Flags of FILE_DISPOSITION_INFORMATION_EX (MS-FSCC §2.4.12).</summary>
[Flags]
public enum FileDispositionFlags : uint
{
    DoNotDelete = 0x0000_0000,
    Delete = 0x0000_0001,
    PosixSemantics = 0x0000_0002,
    ForceImageSectionCheck = 0x0000_0004,
    OnClose = 0x0000_0008,
    IgnoreReadOnlyAttribute = 0x0000_0010,
}

/// <summary>
/// FILE_DISPOSITION_INFORMATION_EX (class 64, MS-FSCC §2.4.12): what current Windows clients send to delete, in
/// place of the one-byte FileDispositionInformation. 4 bytes of flags.
/// </summary>
public sealed record FileDispositionInformationEx(FileDispositionFlags Flags) : IFileInformation
{
    public FileInformationClass InformationClass => FileInformationClass.FileDispositionInformationEx;

    public int Length => 4;

    public bool DeletePending => (Flags & FileDispositionFlags.Delete) != 0;

    public static FileDispositionInformationEx Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, 4, "FileDispositionInformationEx");
        return new FileDispositionInformationEx((FileDispositionFlags)BinaryPrimitives.ReadUInt32LittleEndian(buffer));
    }

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)Flags);
}
