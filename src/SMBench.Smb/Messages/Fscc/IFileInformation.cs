using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>An FSCC file information structure (MS-FSCC §2.4) that SET_INFO can carry.</summary>
public interface IFileInformation
{
    FileInformationClass InformationClass { get; }

    /// <summary>Bytes <see cref="WriteTo"/> writes.</summary>
    int Length { get; }

    void WriteTo(Span<byte> destination);
}

/// <summary>Serialization helpers for <see cref="IFileInformation"/>.</summary>
public static class FileInformation
{
    public static byte[] ToArray(this IFileInformation info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var bytes = new byte[info.Length];
        info.WriteTo(bytes);
        return bytes;
    }

    /// <summary>
    /// Decodes a SET_INFO buffer of InfoType File into the typed structure, or null for a class this library does
    /// not model (the caller then keeps the raw bytes).
    /// </summary>
    public static IFileInformation? ParseForSet(FileInformationClass informationClass, ReadOnlySpan<byte> buffer) =>
        informationClass switch
        {
            FileInformationClass.FileRenameInformation => FileRenameInformation.Parse(buffer),
            FileInformationClass.FileDispositionInformation => FileDispositionInformation.Parse(buffer),
            FileInformationClass.FileEndOfFileInformation => FileEndOfFileInformation.Parse(buffer),
            FileInformationClass.FileAllocationInformation => FileAllocationInformation.Parse(buffer),
            FileInformationClass.FileBasicInformation => FileBasicInformation.Parse(buffer),
            FileInformationClass.FileRenameInformationEx => FileRenameInformationEx.Parse(buffer),
            FileInformationClass.FileDispositionInformationEx => FileDispositionInformationEx.Parse(buffer),
            _ => null,
        };
}
