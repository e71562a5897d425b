using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>VALIDATE_NEGOTIATE_INFO response payload (MS-SMB2 §2.2.32.6): the server's view, 24 bytes.</summary>
public readonly record struct ValidateNegotiateInfoResponse(uint Capabilities, Guid Guid, ushort SecurityMode, SmbDialect Dialect)
{
    public const int Length = 24;

    public static ValidateNegotiateInfoResponse Parse(ReadOnlySpan<byte> output)
    {
        SmbWire.Need(output, Length, "VALIDATE_NEGOTIATE_INFO response");
        return new ValidateNegotiateInfoResponse(
            BinaryPrimitives.ReadUInt32LittleEndian(output),
            new Guid(output.Slice(4, 16)),
            BinaryPrimitives.ReadUInt16LittleEndian(output[20..]),
            (SmbDialect)BinaryPrimitives.ReadUInt16LittleEndian(output[22..]));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Capabilities);
        Guid.TryWriteBytes(destination[4..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], SecurityMode);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], (ushort)Dialect);
    }
}
