using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"QFid" response (§2.2.14.2.9): DiskFileId, VolumeId and 16 reserved bytes — 32 bytes.</summary>
public sealed record QueryOnDiskIdResponse(ulong DiskFileId, ulong VolumeId) : CreateContext
{
    public const int Length = 32;

    public override string Name => CreateContextNames.QueryOnDiskId;

    public override int DataLength => Length;

    public static QueryOnDiskIdResponse Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, Length, "QFid create context response");
        return new QueryOnDiskIdResponse(
            BinaryPrimitives.ReadUInt64LittleEndian(data),
            BinaryPrimitives.ReadUInt64LittleEndian(data[8..]));
    }

    public override void WriteData(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, DiskFileId);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], VolumeId);
        destination.Slice(16, 16).Clear();
    }
}
