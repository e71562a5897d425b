using System.Buffers.Binary;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 CREATE response (MS-SMB2 §2.2.14), StructureSize 89.</summary>
public sealed record CreateResponse : ISmb2Message
{
    public const ushort StructureSize = 89;
    private const int FixedLength = 88;

    public OplockLevel OplockLevel { get; init; }

    /// <summary>0x01 = SMB2_CREATE_FLAG_REPARSEPOINT (3.1.1).</summary>
    public byte Flags { get; init; }

    public CreateAction CreateAction { get; init; }

    /// <summary>FILETIME values (100 ns since 1601), as on the wire.</summary>
    public ulong CreationTime { get; init; }

    public ulong LastAccessTime { get; init; }

    public ulong LastWriteTime { get; init; }

    public ulong ChangeTime { get; init; }

    public ulong AllocationSize { get; init; }

    public ulong EndOfFile { get; init; }

    public SmbFileAttributes FileAttributes { get; init; }

    public uint Reserved2 { get; init; }

    public FileId FileId { get; init; }

    public IReadOnlyList<CreateContext> CreateContexts { get; init; } = [];

    public Smb2Command Command => Smb2Command.Create;

    public int BodyLength
    {
        get
        {
            var contexts = CreateContextList.GetLength(CreateContexts);
            return contexts == 0 ? FixedLength + 1 : FixedLength + contexts;
        }
    }

    public T? Find<T>() where T : CreateContext => CreateContexts.OfType<T>().FirstOrDefault();

    public static CreateResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "CREATE response");
        var contextsOffset = BinaryPrimitives.ReadUInt32LittleEndian(body[80..]);
        var contextsLength = BinaryPrimitives.ReadUInt32LittleEndian(body[84..]);
        var contexts = SmbWire.Slice(message, contextsOffset, contextsLength, "CREATE response CreateContexts");
        return new CreateResponse
        {
            OplockLevel = (OplockLevel)body[2],
            Flags = body[3],
            CreateAction = (CreateAction)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            CreationTime = BinaryPrimitives.ReadUInt64LittleEndian(body[8..]),
            LastAccessTime = BinaryPrimitives.ReadUInt64LittleEndian(body[16..]),
            LastWriteTime = BinaryPrimitives.ReadUInt64LittleEndian(body[24..]),
            ChangeTime = BinaryPrimitives.ReadUInt64LittleEndian(body[32..]),
            AllocationSize = BinaryPrimitives.ReadUInt64LittleEndian(body[40..]),
            EndOfFile = BinaryPrimitives.ReadUInt64LittleEndian(body[48..]),
            FileAttributes = (SmbFileAttributes)BinaryPrimitives.ReadUInt32LittleEndian(body[56..]),
            Reserved2 = BinaryPrimitives.ReadUInt32LittleEndian(body[60..]),
            FileId = FileId.Parse(body[64..]),
            CreateContexts = CreateContextList.Parse(contexts, isResponse: true),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "CREATE response");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body.Clear();
        var contextsLength = CreateContextList.GetLength(CreateContexts);
        SmbWire.StructureSize(body, StructureSize);
        body[2] = (byte)OplockLevel;
        body[3] = Flags;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)CreateAction);
        BinaryPrimitives.WriteUInt64LittleEndian(body[8..], CreationTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body[16..], LastAccessTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body[24..], LastWriteTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body[32..], ChangeTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body[40..], AllocationSize);
        BinaryPrimitives.WriteUInt64LittleEndian(body[48..], EndOfFile);
        BinaryPrimitives.WriteUInt32LittleEndian(body[56..], (uint)FileAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(body[60..], Reserved2);
        FileId.WriteTo(body[64..]);
        // The fixed part ends at 64 + 88 = 152, already 8-aligned, so the chain starts right after it.
        BinaryPrimitives.WriteUInt32LittleEndian(body[80..], contextsLength == 0 ? 0u : Smb2Header.Size + FixedLength);
        BinaryPrimitives.WriteUInt32LittleEndian(body[84..], (uint)contextsLength);
        if (contextsLength > 0) CreateContextList.Write(CreateContexts, body[FixedLength..]);
        return Smb2Header.Size + bodyLength;
    }
}
