using System.Buffers.Binary;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 SET_INFO request (MS-SMB2 §2.2.39), StructureSize 33. Build with <see cref="ForFile"/> from an FSCC
/// structure (rename, disposition, end-of-file, basic, allocation); decode the buffer with
/// <see cref="FileInformation.ParseForSet"/>.
/// </summary>
public readonly record struct SetInfoRequest : ISmb2Message
{
    public const ushort StructureSize = 33;
    private const int FixedLength = 32;

    public InfoType InfoType { get; init; }

    public byte FileInfoClass { get; init; }

    public ushort Reserved { get; init; }

    public uint AdditionalInformation { get; init; }

    public FileId FileId { get; init; }

    /// <summary>The information structure; copied on parse (SET_INFO buffers are small).</summary>
    public ReadOnlyMemory<byte> Buffer { get; init; }

    public Smb2Command Command => Smb2Command.SetInfo;

    public int BodyLength => FixedLength + Math.Max(Buffer.Length, 1);

    public static SetInfoRequest ForFile(FileId fileId, IFileInformation information)
    {
        ArgumentNullException.ThrowIfNull(information);
        return new SetInfoRequest
        {
            InfoType = InfoType.File,
            FileInfoClass = (byte)information.InformationClass,
            FileId = fileId,
            Buffer = information.ToArray(),
        };
    }

    /// <summary>The typed structure for InfoType File and a modelled class, else null.</summary>
    public IFileInformation? GetFileInformation() =>
        InfoType == InfoType.File ? FileInformation.ParseForSet((FileInformationClass)FileInfoClass, Buffer.Span) : null;

    public static SetInfoRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "SET_INFO request");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        var offset = BinaryPrimitives.ReadUInt16LittleEndian(body[8..]);
        var buffer = SmbWire.Slice(message, offset, length, "SET_INFO request Buffer");
        return new SetInfoRequest
        {
            InfoType = (InfoType)body[2],
            FileInfoClass = body[3],
            Reserved = BinaryPrimitives.ReadUInt16LittleEndian(body[10..]),
            AdditionalInformation = BinaryPrimitives.ReadUInt32LittleEndian(body[12..]),
            FileId = FileId.Parse(body[16..]),
            Buffer = buffer.ToArray(),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "SET_INFO request");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        body[2] = (byte)InfoType;
        body[3] = FileInfoClass;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)Buffer.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(body[8..], Smb2Header.Size + FixedLength);
        BinaryPrimitives.WriteUInt16LittleEndian(body[10..], Reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(body[12..], AdditionalInformation);
        FileId.WriteTo(body[16..]);
        Buffer.Span.CopyTo(body[FixedLength..]);
        return Smb2Header.Size + bodyLength;
    }
}
