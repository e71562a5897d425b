using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 LOCK request (MS-SMB2 §2.2.26), StructureSize 48 (which counts the first lock element). LockSequenceNumber
/// (4 bits) and LockSequenceIndex (28 bits) share one 32-bit field; resilient/durable handles use them for replay.
/// </summary>
public sealed record LockRequest : ISmb2Message
{
    public const ushort StructureSize = 48;
    private const int FixedLength = 24;

    public byte LockSequenceNumber { get; init; }

    public uint LockSequenceIndex { get; init; }

    public FileId FileId { get; init; }

    public IReadOnlyList<LockElement> Locks { get; init; } = [];

    public Smb2Command Command => Smb2Command.Lock;

    public int BodyLength => FixedLength + (LockElement.Size * Math.Max(Locks.Count, 1));

    public static LockRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "LOCK request");
        var count = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        if (count == 0)
            throw new SmbProtocolException("LOCK request: LockCount is 0, at least one lock element is required");
        // Check the elements are all present before allocating for them: LockCount is attacker-controlled.
        var needed = FixedLength + (count * LockElement.Size);
        if (body.Length < needed)
            throw new SmbProtocolException($"LOCK request: LockCount {count} needs {needed} body bytes, got {body.Length}");
        var sequence = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        var locks = new LockElement[count];
        for (var i = 0; i < count; i++) locks[i] = LockElement.Read(body[(FixedLength + (i * LockElement.Size))..]);
        return new LockRequest
        {
            LockSequenceNumber = (byte)(sequence & 0xF),
            LockSequenceIndex = sequence >> 4,
            FileId = FileId.Parse(body[8..]),
            Locks = locks,
        };
    }

    public int WriteTo(Span<byte> message)
    {
        if (Locks.Count is 0 or > ushort.MaxValue)
            throw new InvalidOperationException($"a LOCK request carries 1..65535 lock elements, not {Locks.Count}");
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "LOCK request");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body.Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], (ushort)Locks.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)(LockSequenceNumber & 0xF) | (LockSequenceIndex << 4));
        FileId.WriteTo(body[8..]);
        for (var i = 0; i < Locks.Count; i++) Locks[i].WriteTo(body[(FixedLength + (i * LockElement.Size))..]);
        return Smb2Header.Size + bodyLength;
    }
}
