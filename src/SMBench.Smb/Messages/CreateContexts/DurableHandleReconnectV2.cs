using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"DH2C" (§2.2.13.2.12): FileId, CreateGuid, Flags — 36 bytes.</summary>
public sealed record DurableHandleReconnectV2(FileId FileId, Guid CreateGuid, DurableHandleFlags Flags) : CreateContext
{
    public const int Length = 36;

    public override string Name => CreateContextNames.DurableHandleReconnectV2;

    public override int DataLength => Length;

    public static DurableHandleReconnectV2 Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, Length, "DH2C create context");
        return new DurableHandleReconnectV2(
            FileId.Parse(data),
            new Guid(data.Slice(16, 16)),
            (DurableHandleFlags)BinaryPrimitives.ReadUInt32LittleEndian(data[32..]));
    }

    public override void WriteData(Span<byte> destination)
    {
        FileId.WriteTo(destination);
        CreateGuid.TryWriteBytes(destination[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[32..], (uint)Flags);
    }
}
