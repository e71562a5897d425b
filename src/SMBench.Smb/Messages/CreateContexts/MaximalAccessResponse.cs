using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"MxAc" response (§2.2.14.2.5): QueryStatus and MaximalAccess — 8 bytes.</summary>
public sealed record MaximalAccessResponse(NtStatus QueryStatus, FileAccessMask MaximalAccess) : CreateContext
{
    public const int Length = 8;

    public override string Name => CreateContextNames.QueryMaximalAccess;

    public override int DataLength => Length;

    public static MaximalAccessResponse Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, Length, "MxAc create context response");
        return new MaximalAccessResponse(
            new NtStatus(BinaryPrimitives.ReadUInt32LittleEndian(data)),
            (FileAccessMask)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]));
    }

    public override void WriteData(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, QueryStatus.Value);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)MaximalAccess);
    }
}
