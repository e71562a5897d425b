using System.Buffers.Binary;

namespace SMBench.Smb.Protocol;

/// <summary>
/// The 64-byte SMB2 packet header (MS-SMB2 §2.2.1), sync and async forms. The async form (Flags has
/// ASYNC_COMMAND) carries AsyncId where the sync form has Reserved + TreeId. The 4-byte Status field of a response
/// is ChannelSequence + Reserved in a 3.x request; both views read the same <see cref="RawStatus"/>.
/// </summary>
public readonly record struct Smb2Header
{
    public const int Size = 64;
    public const int StructureSizeValue = 64;
    public const int NextCommandOffset = 20;
    public const int SignatureOffset = 48;
    public const int SignatureLength = 16;

    /// <summary>0xFE 'S' 'M' 'B' read as a little-endian uint.</summary>
    public const uint ProtocolIdValue = 0x424D_53FE;

    /// <summary>MessageId of an unsolicited oplock/lease break notification (§3.2.5.19).</summary>
    public const ulong UnsolicitedMessageId = ulong.MaxValue;

    public ushort CreditCharge { get; init; }

    /// <summary>Status (response) or ChannelSequence + Reserved (3.x request) as the raw 4 bytes.</summary>
    public uint RawStatus { get; init; }

    public Smb2Command Command { get; init; }

    /// <summary>CreditRequest in a request, CreditResponse in a response (same field).</summary>
    public ushort Credits { get; init; }

    public Smb2Flags Flags { get; init; }

    public uint NextCommand { get; init; }

    public ulong MessageId { get; init; }

    /// <summary>Sync form only: the 4 bytes before TreeId (Reserved; some old servers put a process id here).</summary>
    public uint Reserved { get; init; }

    public uint TreeId { get; init; }

    /// <summary>Async form only.</summary>
    public ulong AsyncId { get; init; }

    public ulong SessionId { get; init; }

    public Smb2Signature Signature { get; init; }

    public NtStatus Status
    {
        get => new(RawStatus);
        init => RawStatus = value.Value;
    }

    public ushort ChannelSequence
    {
        get => (ushort)RawStatus;
        init => RawStatus = (RawStatus & 0xFFFF_0000) | value;
    }

    public ushort CreditRequest
    {
        get => Credits;
        init => Credits = value;
    }

    public ushort CreditResponse
    {
        get => Credits;
        init => Credits = value;
    }

    public bool IsResponse => (Flags & Smb2Flags.ServerToRedir) != 0;

    public bool IsAsync => (Flags & Smb2Flags.AsyncCommand) != 0;

    public bool IsSigned => (Flags & Smb2Flags.Signed) != 0;

    public bool IsRelated => (Flags & Smb2Flags.RelatedOperations) != 0;

    /// <summary>True for an OPLOCK_BREAK sent by the server without a request (MessageId all 0xFF).</summary>
    public bool IsUnsolicited => MessageId == UnsolicitedMessageId;

    /// <summary>True when the buffer starts with 0xFE 'SMB' (an SMB2 header, not SMB1 0xFF or transform 0xFD).</summary>
    public static bool HasProtocolId(ReadOnlySpan<byte> buffer) =>
        buffer.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(buffer) == ProtocolIdValue;

    public static Smb2Header Parse(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < Size)
            throw new SmbProtocolException($"SMB2 header needs {Size} bytes, got {buffer.Length}");
        var protocolId = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        if (protocolId != ProtocolIdValue)
            throw new SmbProtocolException($"not an SMB2 header: ProtocolId 0x{protocolId:X8}, expected 0x{ProtocolIdValue:X8} (0xFE 'SMB')");
        var structureSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer[4..]);
        if (structureSize != StructureSizeValue)
            throw new SmbProtocolException($"SMB2 header StructureSize is {structureSize}, expected {StructureSizeValue}");

        var flags = (Smb2Flags)BinaryPrimitives.ReadUInt32LittleEndian(buffer[16..]);
        var isAsync = (flags & Smb2Flags.AsyncCommand) != 0;
        return new Smb2Header
        {
            CreditCharge = BinaryPrimitives.ReadUInt16LittleEndian(buffer[6..]),
            RawStatus = BinaryPrimitives.ReadUInt32LittleEndian(buffer[8..]),
            Command = (Smb2Command)BinaryPrimitives.ReadUInt16LittleEndian(buffer[12..]),
            Credits = BinaryPrimitives.ReadUInt16LittleEndian(buffer[14..]),
            Flags = flags,
            NextCommand = BinaryPrimitives.ReadUInt32LittleEndian(buffer[20..]),
            MessageId = BinaryPrimitives.ReadUInt64LittleEndian(buffer[24..]),
            AsyncId = isAsync ? BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]) : 0,
            Reserved = isAsync ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(buffer[32..]),
            TreeId = isAsync ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(buffer[36..]),
            SessionId = BinaryPrimitives.ReadUInt64LittleEndian(buffer[40..]),
            Signature = Smb2Signature.Read(buffer[SignatureOffset..]),
        };
    }

    /// <summary>Writes the 64 header bytes; the async or sync form follows <see cref="Flags"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"SMB2 header needs {Size} bytes of room, got {destination.Length}", nameof(destination));
        BinaryPrimitives.WriteUInt32LittleEndian(destination, ProtocolIdValue);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], StructureSizeValue);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], CreditCharge);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], RawStatus);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[12..], (ushort)Command);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[14..], Credits);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], (uint)Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], NextCommand);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], MessageId);
        if (IsAsync)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[32..], AsyncId);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[32..], Reserved);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[36..], TreeId);
        }
        BinaryPrimitives.WriteUInt64LittleEndian(destination[40..], SessionId);
        Signature.WriteTo(destination[SignatureOffset..]);
    }

    /// <summary>Reads only the Command field of a buffer already known to hold a header.</summary>
    public static Smb2Command PeekCommand(ReadOnlySpan<byte> buffer) =>
        buffer.Length >= Size
            ? (Smb2Command)BinaryPrimitives.ReadUInt16LittleEndian(buffer[12..])
            : throw new SmbProtocolException($"SMB2 header needs {Size} bytes, got {buffer.Length}");
}
