using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"AlSi" request (§2.2.13.2.6): the allocation size for a newly created or overwritten file — 8 bytes.</summary>
public sealed record AllocationSizeRequest(ulong AllocationSize) : CreateContext
{
    public override string Name => CreateContextNames.AllocationSize;

    public override int DataLength => 8;

    public static AllocationSizeRequest Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, 8, "AlSi create context");
        return new AllocationSizeRequest(BinaryPrimitives.ReadUInt64LittleEndian(data));
    }

    public override void WriteData(Span<byte> destination) => BinaryPrimitives.WriteUInt64LittleEndian(destination, AllocationSize);
}
