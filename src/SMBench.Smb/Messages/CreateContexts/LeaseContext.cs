using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>
/// "RqLs" in a request or a response: SMB2_CREATE_REQUEST_LEASE (v1, 32 bytes, SMB 2.1) or
/// SMB2_CREATE_REQUEST_LEASE_V2 (52 bytes, SMB 3.x, adds ParentLeaseKey and Epoch). The response uses the same
/// layouts (§2.2.14.2.10, §2.2.14.2.11).
/// </summary>
public sealed record LeaseContext : CreateContext
{
    public const int V1Length = 32;
    public const int V2Length = 52;

    public Guid LeaseKey { get; init; }

    public LeaseState LeaseState { get; init; }

    public LeaseFlags Flags { get; init; }

    public ulong LeaseDuration { get; init; }

    /// <summary>1 (32-byte form) or 2 (52-byte form).</summary>
    public int Version { get; init; } = 2;

    public Guid ParentLeaseKey { get; init; }

    public ushort Epoch { get; init; }

    public ushort Reserved { get; init; }

    public override string Name => CreateContextNames.Lease;

    public override int DataLength => Version == 1 ? V1Length : V2Length;

    public static LeaseContext Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != V1Length && data.Length != V2Length)
            throw new SmbProtocolException($"RqLs create context: data is {data.Length} bytes, expected {V1Length} (v1) or {V2Length} (v2)");
        var lease = new LeaseContext
        {
            LeaseKey = new Guid(data[..16]),
            LeaseState = (LeaseState)BinaryPrimitives.ReadUInt32LittleEndian(data[16..]),
            Flags = (LeaseFlags)BinaryPrimitives.ReadUInt32LittleEndian(data[20..]),
            LeaseDuration = BinaryPrimitives.ReadUInt64LittleEndian(data[24..]),
            Version = data.Length == V1Length ? 1 : 2,
        };
        if (data.Length == V1Length) return lease;
        return lease with
        {
            ParentLeaseKey = new Guid(data.Slice(32, 16)),
            Epoch = BinaryPrimitives.ReadUInt16LittleEndian(data[48..]),
            Reserved = BinaryPrimitives.ReadUInt16LittleEndian(data[50..]),
        };
    }

    public override void WriteData(Span<byte> destination)
    {
        LeaseKey.TryWriteBytes(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], (uint)LeaseState);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], (uint)Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], LeaseDuration);
        if (Version == 1) return;
        ParentLeaseKey.TryWriteBytes(destination[32..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[48..], Epoch);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[50..], Reserved);
    }
}
