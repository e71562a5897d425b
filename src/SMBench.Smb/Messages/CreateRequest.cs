using System.Buffers.Binary;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 CREATE request (MS-SMB2 §2.2.13), StructureSize 57.</summary>
public sealed record CreateRequest : ISmb2Message
{
    public const ushort StructureSize = 57;
    private const int FixedLength = 56;

    public byte SecurityFlags { get; init; }

    public OplockLevel RequestedOplockLevel { get; init; }

    public ImpersonationLevel ImpersonationLevel { get; init; } = ImpersonationLevel.Impersonation;

    public ulong SmbCreateFlags { get; init; }

    public ulong Reserved { get; init; }

    public FileAccessMask DesiredAccess { get; init; }

    public SmbFileAttributes FileAttributes { get; init; }

    public ShareAccess ShareAccess { get; init; }

    public CreateDisposition CreateDisposition { get; init; }

    public CreateOptions CreateOptions { get; init; }

    /// <summary>Share-relative path with backslashes and no leading backslash; empty opens the share root.</summary>
    public string Name { get; init; } = "";

    public IReadOnlyList<CreateContext> CreateContexts { get; init; } = [];

    public Smb2Command Command => Smb2Command.Create;

    public int BodyLength
    {
        get
        {
            var nameLength = SmbWire.Utf16Length(Name);
            var contexts = CreateContextList.GetLength(CreateContexts);
            if (contexts == 0) return FixedLength + Math.Max(nameLength, 1);
            return SmbWire.Align8(Smb2Header.Size + FixedLength + nameLength) - Smb2Header.Size + contexts;
        }
    }

    /// <summary>Finds the first context of a type (e.g. <c>Find&lt;LeaseContext&gt;()</c>), or null.</summary>
    public T? Find<T>() where T : CreateContext => CreateContexts.OfType<T>().FirstOrDefault();

    public static CreateRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "CREATE request");
        var nameOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[44..]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(body[46..]);
        var contextsOffset = BinaryPrimitives.ReadUInt32LittleEndian(body[48..]);
        var contextsLength = BinaryPrimitives.ReadUInt32LittleEndian(body[52..]);
        var name = SmbWire.Slice(message, nameOffset, nameLength, "CREATE request Name");
        var contexts = SmbWire.Slice(message, contextsOffset, contextsLength, "CREATE request CreateContexts");
        return new CreateRequest
        {
            SecurityFlags = body[2],
            RequestedOplockLevel = (OplockLevel)body[3],
            ImpersonationLevel = (ImpersonationLevel)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            SmbCreateFlags = BinaryPrimitives.ReadUInt64LittleEndian(body[8..]),
            Reserved = BinaryPrimitives.ReadUInt64LittleEndian(body[16..]),
            DesiredAccess = (FileAccessMask)BinaryPrimitives.ReadUInt32LittleEndian(body[24..]),
            FileAttributes = (SmbFileAttributes)BinaryPrimitives.ReadUInt32LittleEndian(body[28..]),
            ShareAccess = (ShareAccess)BinaryPrimitives.ReadUInt32LittleEndian(body[32..]),
            CreateDisposition = (CreateDisposition)BinaryPrimitives.ReadUInt32LittleEndian(body[36..]),
            CreateOptions = (CreateOptions)BinaryPrimitives.ReadUInt32LittleEndian(body[40..]),
            Name = SmbWire.Utf16(name, "CREATE request Name"),
            CreateContexts = CreateContextList.Parse(contexts, isResponse: false),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "CREATE request");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body.Clear();
        var nameLength = SmbWire.Utf16Length(Name);
        var contextsLength = CreateContextList.GetLength(CreateContexts);
        var nameOffset = Smb2Header.Size + FixedLength;
        var contextsOffset = contextsLength == 0 ? 0 : SmbWire.Align8(nameOffset + nameLength);

        SmbWire.StructureSize(body, StructureSize);
        body[2] = SecurityFlags;
        body[3] = (byte)RequestedOplockLevel;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)ImpersonationLevel);
        BinaryPrimitives.WriteUInt64LittleEndian(body[8..], SmbCreateFlags);
        BinaryPrimitives.WriteUInt64LittleEndian(body[16..], Reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(body[24..], (uint)DesiredAccess);
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], (uint)FileAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(body[32..], (uint)ShareAccess);
        BinaryPrimitives.WriteUInt32LittleEndian(body[36..], (uint)CreateDisposition);
        BinaryPrimitives.WriteUInt32LittleEndian(body[40..], (uint)CreateOptions);
        BinaryPrimitives.WriteUInt16LittleEndian(body[44..], (ushort)nameOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(body[46..], checked((ushort)nameLength));
        BinaryPrimitives.WriteUInt32LittleEndian(body[48..], (uint)contextsOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(body[52..], (uint)contextsLength);
        SmbWire.WriteUtf16(Name, message[nameOffset..]);
        if (contextsLength > 0) CreateContextList.Write(CreateContexts, message[contextsOffset..]);
        return Smb2Header.Size + bodyLength;
    }
}
