using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"DH2Q" response (§2.2.14.2.12): the granted Timeout and Flags — 8 bytes.</summary>
public sealed record DurableHandleResponseV2(uint Timeout, DurableHandleFlags Flags) : CreateContext
{
    public const int Length = 8;

    public override string Name => CreateContextNames.DurableHandleRequestV2;

    public override int DataLength => Length;

    public static DurableHandleResponseV2 Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, Length, "DH2Q create context response");
        return new DurableHandleResponseV2(
            BinaryPrimitives.ReadUInt32LittleEndian(data),
            (DurableHandleFlags)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]));
    }

    public override void WriteData(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Timeout);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)Flags);
    }
}
