using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"DH2Q" request (§2.2.13.2.11): Timeout, Flags, 8 reserved bytes, CreateGuid — 32 bytes.</summary>
public sealed record DurableHandleRequestV2(uint Timeout, DurableHandleFlags Flags, Guid CreateGuid) : CreateContext
{
    public const int Length = 32;

    public override string Name => CreateContextNames.DurableHandleRequestV2;

    public override int DataLength => Length;

    public static DurableHandleRequestV2 Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, Length, "DH2Q create context");
        return new DurableHandleRequestV2(
            BinaryPrimitives.ReadUInt32LittleEndian(data),
            (DurableHandleFlags)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]),
            new Guid(data.Slice(16, 16)));
    }

    public override void WriteData(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Timeout);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)Flags);
        destination.Slice(8, 8).Clear();
        CreateGuid.TryWriteBytes(destination[16..]);
    }
}
