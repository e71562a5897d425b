using System.Buffers.Binary;

namespace SMBench.Smb.Security.Ntlm;

/// <summary>Shared pieces of the NTLM message layout: the signature and the Len/MaxLen/Offset field triple.</summary>
internal static class NtlmMessageFormat
{
    public static ReadOnlySpan<byte> Signature => "NTLMSSP\0"u8;

    /// <summary>The Version structure we advertise (6.1 build 7601, NTLMSSP revision 15).</summary>
    public static ReadOnlySpan<byte> Version => [6, 1, 0xB1, 0x1D, 0, 0, 0, 15];

    public static void WriteField(Span<byte> at, int length, int offset)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], (uint)offset);
    }

    public static ReadOnlySpan<byte> ReadField(ReadOnlySpan<byte> message, int fieldOffset)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(message[fieldOffset..]);
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(message[(fieldOffset + 4)..]);
        if (length == 0) return default;
        if (offset > (uint)message.Length || offset + length > (uint)message.Length)
            throw new NtlmException($"NTLM field at {fieldOffset} points outside the message");
        return message.Slice((int)offset, length);
    }

    public static void CheckHeader(ReadOnlySpan<byte> message, uint expectedType, int minLength)
    {
        if (message.Length < minLength || !message[..8].SequenceEqual(Signature))
            throw new NtlmException("not an NTLMSSP message");
        var type = BinaryPrimitives.ReadUInt32LittleEndian(message[8..]);
        if (type != expectedType) throw new NtlmException($"expected NTLM message type {expectedType}, got {type}");
    }
}
