using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>FILE_DISPOSITION_INFORMATION (MS-FSCC §2.4.11): one byte, DeletePending — delete on last close.</summary>
public sealed record FileDispositionInformation(bool DeletePending = true) : IFileInformation
{
    public FileInformationClass InformationClass => FileInformationClass.FileDispositionInformation;

    public int Length => 1;

    public static FileDispositionInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, 1, "FileDispositionInformation");
        return new FileDispositionInformation(buffer[0] != 0);
    }

    public void WriteTo(Span<byte> destination) => destination[0] = DeletePending ? (byte)1 : (byte)0;
}
