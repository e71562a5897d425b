using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SMBench.Smb.Security.Signing;

/// <summary>Where the signing-relevant header fields sit (MS-SMB2 §2.2.1) and the zero-then-MAC routine.</summary>
internal static class Smb2SignatureLayout
{
    public const int SignatureOffset = 48;
    public const int SignatureLength = 16;
    public const int HeaderLength = 64;
    public const uint FlagServerToRedir = 0x1;
    public const uint FlagSigned = 0x8;
    public const ushort CancelCommand = 0x000C;

    public static void SetSignedFlag(Span<byte> message)
    {
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(message[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(message[16..], flags | FlagSigned);
    }

    public static void CheckLength(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength) throw new ArgumentException("an SMB2 message is at least 64 bytes", nameof(message));
    }

    /// <summary>Runs <paramref name="mac"/> over the message with a zeroed signature field, then compares.</summary>
    public static bool VerifyWith(Span<byte> message, Action<ReadOnlySpan<byte>, Span<byte>> mac)
    {
        CheckLength(message);
        var field = message.Slice(SignatureOffset, SignatureLength);
        Span<byte> received = stackalloc byte[SignatureLength];
        field.CopyTo(received);
        field.Clear();
        Span<byte> expected = stackalloc byte[SignatureLength];
        try
        {
            mac(message, expected);
        }
        finally
        {
            received.CopyTo(field);
        }
        return CryptographicOperations.FixedTimeEquals(received, expected);
    }

    public static void SignWith(Span<byte> message, Action<ReadOnlySpan<byte>, Span<byte>> mac)
    {
        CheckLength(message);
        SetSignedFlag(message);
        var field = message.Slice(SignatureOffset, SignatureLength);
        field.Clear();
        Span<byte> signature = stackalloc byte[SignatureLength];
        mac(message, signature);
        signature.CopyTo(field);
    }
}
