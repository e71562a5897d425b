using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 QUERY_INFO request (MS-SMB2 §2.2.37), StructureSize 41. FileInfoClass is a <see cref="FileInformationClass"/>
/// for InfoType File and a <see cref="FileSystemInformationClass"/> for FileSystem; kept as the raw byte here.
/// </summary>
public readonly record struct QueryInfoRequest : ISmb2Message
{
    public const ushort StructureSize = 41;
    private const int FixedLength = 40;

    public InfoType InfoType { get; init; }

    public byte FileInfoClass { get; init; }

    public uint OutputBufferLength { get; init; }

    public ushort Reserved { get; init; }

    /// <summary>Security: which parts of the descriptor (OWNER 1, GROUP 2, DACL 4, SACL 8 …); EA/quota: flags.</summary>
    public uint AdditionalInformation { get; init; }

    /// <summary>SL_RESTART_SCAN 1, SL_RETURN_SINGLE_ENTRY 2, SL_INDEX_SPECIFIED 4 (EA and quota queries).</summary>
    public uint Flags { get; init; }

    public FileId FileId { get; init; }

    /// <summary>Input for quota/EA queries; usually empty. Copied on parse (small and rare).</summary>
    public ReadOnlyMemory<byte> InputBuffer { get; init; }

    public Smb2Command Command => Smb2Command.QueryInfo;

    public int BodyLength => FixedLength + Math.Max(InputBuffer.Length, 1);

    public static QueryInfoRequest ForFile(FileId fileId, FileInformationClass informationClass, uint outputBufferLength) =>
        new() { InfoType = InfoType.File, FileInfoClass = (byte)informationClass, FileId = fileId, OutputBufferLength = outputBufferLength };

    public static QueryInfoRequest ForFileSystem(FileId fileId, FileSystemInformationClass informationClass, uint outputBufferLength) =>
        new() { InfoType = InfoType.FileSystem, FileInfoClass = (byte)informationClass, FileId = fileId, OutputBufferLength = outputBufferLength };

    public static QueryInfoRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "QUERY_INFO request");
        var inputOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[8..]);
        var inputLength = BinaryPrimitives.ReadUInt32LittleEndian(body[12..]);
        var input = SmbWire.Slice(message, inputOffset, inputLength, "QUERY_INFO request InputBuffer");
        return new QueryInfoRequest
        {
            InfoType = (InfoType)body[2],
            FileInfoClass = body[3],
            OutputBufferLength = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            Reserved = BinaryPrimitives.ReadUInt16LittleEndian(body[10..]),
            AdditionalInformation = BinaryPrimitives.ReadUInt32LittleEndian(body[16..]),
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(body[20..]),
            FileId = FileId.Parse(body[24..]),
            InputBuffer = input.IsEmpty ? ReadOnlyMemory<byte>.Empty : input.ToArray(),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "QUERY_INFO request");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        body[2] = (byte)InfoType;
        body[3] = FileInfoClass;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], OutputBufferLength);
        BinaryPrimitives.WriteUInt16LittleEndian(body[8..], InputBuffer.IsEmpty ? (ushort)0 : (ushort)(Smb2Header.Size + FixedLength));
        BinaryPrimitives.WriteUInt16LittleEndian(body[10..], Reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(body[12..], (uint)InputBuffer.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(body[16..], AdditionalInformation);
        BinaryPrimitives.WriteUInt32LittleEndian(body[20..], Flags);
        FileId.WriteTo(body[24..]);
        InputBuffer.Span.CopyTo(body[FixedLength..]);
        return Smb2Header.Size + bodyLength;
    }
}
