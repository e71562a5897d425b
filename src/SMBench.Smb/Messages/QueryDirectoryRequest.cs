using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 QUERY_DIRECTORY request (MS-SMB2 §2.2.33), StructureSize 33. FileName is the search pattern.</summary>
public readonly record struct QueryDirectoryRequest : ISmb2Message
{
    public const ushort StructureSize = 33;
    private const int FixedLength = 32;

    public FileInformationClass FileInformationClass { get; init; }

    public QueryDirectoryFlags Flags { get; init; }

    public uint FileIndex { get; init; }

    public FileId FileId { get; init; }

    /// <summary>Search pattern, e.g. "*"; wildcards as in MS-FSA.</summary>
    public string FileName { get; init; }

    public uint OutputBufferLength { get; init; }

    public Smb2Command Command => Smb2Command.QueryDirectory;

    public int BodyLength => FixedLength + Math.Max(SmbWire.Utf16Length(FileName), 1);

    public static QueryDirectoryRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "QUERY_DIRECTORY request");
        var nameOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(body[26..]);
        var name = SmbWire.Slice(message, nameOffset, nameLength, "QUERY_DIRECTORY request FileName");
        return new QueryDirectoryRequest
        {
            FileInformationClass = (FileInformationClass)body[2],
            Flags = (QueryDirectoryFlags)body[3],
            FileIndex = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            FileId = FileId.Parse(body[8..]),
            FileName = SmbWire.Utf16(name, "QUERY_DIRECTORY request FileName"),
            OutputBufferLength = BinaryPrimitives.ReadUInt32LittleEndian(body[28..]),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "QUERY_DIRECTORY request");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body.Clear();
        var nameLength = SmbWire.Utf16Length(FileName);
        SmbWire.StructureSize(body, StructureSize);
        body[2] = (byte)FileInformationClass;
        body[3] = (byte)Flags;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], FileIndex);
        FileId.WriteTo(body[8..]);
        BinaryPrimitives.WriteUInt16LittleEndian(body[24..], Smb2Header.Size + FixedLength);
        BinaryPrimitives.WriteUInt16LittleEndian(body[26..], checked((ushort)nameLength));
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], OutputBufferLength);
        SmbWire.WriteUtf16(FileName, body[FixedLength..]);
        return Smb2Header.Size + bodyLength;
    }
}
