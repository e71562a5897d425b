using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// VALIDATE_NEGOTIATE_INFO request payload (MS-SMB2 §2.2.31.4), the IOCTL input of FSCTL_VALIDATE_NEGOTIATE_INFO:
/// the client's Capabilities, Guid, SecurityMode and dialect list as sent in NEGOTIATE. Only for 3.0/3.0.2.
/// </summary>
public sealed record ValidateNegotiateInfoRequest(uint Capabilities, Guid Guid, ushort SecurityMode, IReadOnlyList<SmbDialect> Dialects)
{
    private const int FixedLength = 24;

    public int Length => FixedLength + (2 * Dialects.Count);

    public static ValidateNegotiateInfoRequest Parse(ReadOnlySpan<byte> input)
    {
        SmbWire.Need(input, FixedLength, "VALIDATE_NEGOTIATE_INFO request");
        var count = BinaryPrimitives.ReadUInt16LittleEndian(input[22..]);
        if (input.Length < FixedLength + (2 * count))
            throw new SmbProtocolException($"VALIDATE_NEGOTIATE_INFO request: DialectCount {count} needs {FixedLength + (2 * count)} bytes, got {input.Length}");
        var dialects = new SmbDialect[count];
        for (var i = 0; i < count; i++) dialects[i] = (SmbDialect)BinaryPrimitives.ReadUInt16LittleEndian(input[(FixedLength + (2 * i))..]);
        return new ValidateNegotiateInfoRequest(
            BinaryPrimitives.ReadUInt32LittleEndian(input),
            new Guid(input.Slice(4, 16)),
            BinaryPrimitives.ReadUInt16LittleEndian(input[20..]),
            dialects);
    }

    public int WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Capabilities);
        Guid.TryWriteBytes(destination[4..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], SecurityMode);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], checked((ushort)Dialects.Count));
        for (var i = 0; i < Dialects.Count; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(FixedLength + (2 * i))..], (ushort)Dialects[i]);
        return Length;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }
}
