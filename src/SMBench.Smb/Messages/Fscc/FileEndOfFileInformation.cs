using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>FILE_END_OF_FILE_INFORMATION (MS-FSCC §2.4.14): the new file size (truncate or extend).</summary>
public sealed record FileEndOfFileInformation(long EndOfFile) : IFileInformation
{
    public FileInformationClass InformationClass => FileInformationClass.FileEndOfFileInformation;

    public int Length => 8;

    public static FileEndOfFileInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, 8, "FileEndOfFileInformation");
        return new FileEndOfFileInformation(BinaryPrimitives.ReadInt64LittleEndian(buffer));
    }

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteInt64LittleEndian(destination, EndOfFile);
}
