using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"TWrp" request (§2.2.13.2.7): open a previous version (snapshot) by its FILETIME — 8 bytes.</summary>
public sealed record TimewarpTokenRequest(ulong Timestamp) : CreateContext
{
    public override string Name => CreateContextNames.TimewarpToken;

    public override int DataLength => 8;

    public static TimewarpTokenRequest Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, 8, "TWrp create context");
        return new TimewarpTokenRequest(BinaryPrimitives.ReadUInt64LittleEndian(data));
    }

    public override void WriteData(Span<byte> destination) => BinaryPrimitives.WriteUInt64LittleEndian(destination, Timestamp);
}
