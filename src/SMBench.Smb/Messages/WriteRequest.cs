using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 WRITE request (MS-SMB2 §2.2.21), StructureSize 49. A ref struct so <see cref="Data"/> is a view: the client
/// writes the payload straight from the caller's buffer, and the compiler reads it without copying.
/// </summary>
public readonly ref struct WriteRequest : ISmb2Message
{
    public const ushort StructureSize = 49;
    private const int FixedLength = 48;

    /// <summary>Where this library puts the data: right after the fixed part (0x70).</summary>
    public const ushort DefaultDataOffset = Smb2Header.Size + FixedLength;

    public WriteRequest(FileId fileId, ulong offset, ReadOnlySpan<byte> data)
    {
        FileId = fileId;
        Offset = offset;
        Data = data;
        DataOffset = DefaultDataOffset;
    }

    public ushort DataOffset { get; init; }

    public ulong Offset { get; init; }

    public FileId FileId { get; init; }

    public uint Channel { get; init; }

    public uint RemainingBytes { get; init; }

    public ushort WriteChannelInfoOffset { get; init; }

    public ushort WriteChannelInfoLength { get; init; }

    public WriteFlags Flags { get; init; }

    public ReadOnlySpan<byte> Data { get; init; }

    /// <summary>The Length field: bytes to write.</summary>
    public int Length => Data.Length;

    public Smb2Command Command => Smb2Command.Write;

    public int BodyLength => FixedLength + Math.Max(Data.Length, 1);

    public static WriteRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "WRITE request");
        var dataOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        return new WriteRequest
        {
            DataOffset = dataOffset,
            Offset = BinaryPrimitives.ReadUInt64LittleEndian(body[8..]),
            FileId = FileId.Parse(body[16..]),
            Channel = BinaryPrimitives.ReadUInt32LittleEndian(body[32..]),
            RemainingBytes = BinaryPrimitives.ReadUInt32LittleEndian(body[36..]),
            WriteChannelInfoOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[40..]),
            WriteChannelInfoLength = BinaryPrimitives.ReadUInt16LittleEndian(body[42..]),
            Flags = (WriteFlags)BinaryPrimitives.ReadUInt32LittleEndian(body[44..]),
            Data = SmbWire.Slice(message, dataOffset, length, "WRITE request data"),
        };
    }

    /// <summary>
    /// Reads the fixed fields and the Length without requiring the data to be present, for capture decoders that
    /// see a write whose payload was cut off (snap length) but still want offset and length.
    /// </summary>
    public static (FileId FileId, ulong Offset, uint Length) PeekHeader(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "WRITE request");
        return (FileId.Parse(body[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(body[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[4..]));
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "WRITE request");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body[..FixedLength].Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], DefaultDataOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)Data.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(body[8..], Offset);
        FileId.WriteTo(body[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[32..], Channel);
        BinaryPrimitives.WriteUInt32LittleEndian(body[36..], RemainingBytes);
        BinaryPrimitives.WriteUInt16LittleEndian(body[40..], WriteChannelInfoOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(body[42..], WriteChannelInfoLength);
        BinaryPrimitives.WriteUInt32LittleEndian(body[44..], (uint)Flags);
        if (Data.IsEmpty) body[FixedLength] = 0;
        else Data.CopyTo(body[FixedLength..]);
        return Smb2Header.Size + bodyLength;
    }

    /// <summary>
    /// Writes header-side fields only, for senders that transmit the payload separately (gather I/O): returns the
    /// length of the message without the data; the data must follow immediately.
    /// </summary>
    public static int WriteWithoutData(Span<byte> message, FileId fileId, ulong offset, int dataLength, WriteFlags flags = WriteFlags.None)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + FixedLength, "WRITE request");
        var body = message.Slice(Smb2Header.Size, FixedLength);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], DefaultDataOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], checked((uint)dataLength));
        BinaryPrimitives.WriteUInt64LittleEndian(body[8..], offset);
        fileId.WriteTo(body[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[44..], (uint)flags);
        return Smb2Header.Size + FixedLength;
    }
}
