using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>
/// FILE_ALL_INFORMATION (class 18, MS-FSCC §2.4.2), a common QUERY_INFO answer: basic and standard information,
/// IndexNumber, EaSize, AccessFlags, CurrentByteOffset, Mode, AlignmentRequirement and the name (often empty or
/// truncated by BUFFER_OVERFLOW, so the name is optional here).
/// </summary>
public sealed record FileAllInformation
{
    private const int FixedLength = 100;

    public required FileBasicInformation BasicInformation { get; init; }

    public FileStandardInformation StandardInformation { get; init; }

    public ulong IndexNumber { get; init; }

    public uint EaSize { get; init; }

    public FileAccessMask AccessFlags { get; init; }

    public long CurrentByteOffset { get; init; }

    public uint Mode { get; init; }

    public uint AlignmentRequirement { get; init; }

    public string FileName { get; init; } = "";

    public static FileAllInformation Parse(ReadOnlySpan<byte> buffer)
    {
        SmbWire.Need(buffer, FixedLength, "FileAllInformation");
        var nameLength = BinaryPrimitives.ReadUInt32LittleEndian(buffer[96..]);
        // BUFFER_OVERFLOW answers cut the name: take what is there rather than reject the useful fixed part.
        var available = Math.Min(nameLength, (uint)(buffer.Length - FixedLength)) & ~1u;
        return new FileAllInformation
        {
            BasicInformation = FileBasicInformation.Parse(buffer[..40]),
            StandardInformation = FileStandardInformation.Parse(buffer.Slice(40, 24)),
            IndexNumber = BinaryPrimitives.ReadUInt64LittleEndian(buffer[64..]),
            EaSize = BinaryPrimitives.ReadUInt32LittleEndian(buffer[72..]),
            AccessFlags = (FileAccessMask)BinaryPrimitives.ReadUInt32LittleEndian(buffer[76..]),
            CurrentByteOffset = BinaryPrimitives.ReadInt64LittleEndian(buffer[80..]),
            Mode = BinaryPrimitives.ReadUInt32LittleEndian(buffer[88..]),
            AlignmentRequirement = BinaryPrimitives.ReadUInt32LittleEndian(buffer[92..]),
            FileName = SmbWire.Utf16(buffer.Slice(FixedLength, (int)available), "FileAllInformation FileName"),
        };
    }

    public int Length => FixedLength + SmbWire.Utf16Length(FileName);

    public void WriteTo(Span<byte> destination)
    {
        destination[..Length].Clear();
        BasicInformation.WriteTo(destination);
        StandardInformation.WriteTo(destination[40..]);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[64..], IndexNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[72..], EaSize);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[76..], (uint)AccessFlags);
        BinaryPrimitives.WriteInt64LittleEndian(destination[80..], CurrentByteOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[88..], Mode);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[92..], AlignmentRequirement);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[96..], (uint)SmbWire.Utf16Length(FileName));
        SmbWire.WriteUtf16(FileName, destination[FixedLength..]);
    }
}
