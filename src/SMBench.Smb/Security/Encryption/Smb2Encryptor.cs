using System.Buffers.Binary;

namespace SMBench.Smb.Security.Encryption;

/// <summary>
/// Encrypts client→server messages and decrypts server→client ones for one session (MS-SMB2 §3.1.4.3). Nonces
/// come from a per-session counter, never from randomness, so they cannot repeat under one key.
/// </summary>
public sealed class Smb2Encryptor : IDisposable
{
    private readonly ISmb2Cipher _encrypt;
    private readonly ISmb2Cipher _decrypt;
    private readonly ulong _sessionId;
    private long _nonceCounter;

    public Smb2Encryptor(Smb2CipherId cipher, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> decryptionKey, ulong sessionId)
    {
        CipherId = cipher;
        _encrypt = Create(cipher, encryptionKey);
        _decrypt = Create(cipher, decryptionKey);
        _sessionId = sessionId;
    }

    public Smb2CipherId CipherId { get; }

    public static int KeyLength(Smb2CipherId cipher) => cipher is Smb2CipherId.Aes256Ccm or Smb2CipherId.Aes256Gcm ? 32 : 16;

    public static ISmb2Cipher Create(Smb2CipherId cipher, ReadOnlySpan<byte> key) => cipher switch
    {
        Smb2CipherId.Aes128Ccm or Smb2CipherId.Aes256Ccm => new AesCcmCipher(key),
        Smb2CipherId.Aes128Gcm or Smb2CipherId.Aes256Gcm => new AesGcmCipher(key),
        _ => throw new NotSupportedException($"cipher {cipher} is not supported"),
    };

    /// <summary>Writes TRANSFORM_HEADER + ciphertext of <paramref name="plaintext"/> into <paramref name="destination"/>.</summary>
    public int Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        var total = Smb2TransformHeader.Length + plaintext.Length;
        if (destination.Length < total) throw new ArgumentException("destination too small", nameof(destination));
        var header = destination[..Smb2TransformHeader.Length];
        header.Clear();
        Smb2TransformHeader.ProtocolId.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header[20..], Interlocked.Increment(ref _nonceCounter));
        BinaryPrimitives.WriteUInt32LittleEndian(header[36..], (uint)plaintext.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[42..], Smb2TransformHeader.FlagEncrypted);
        BinaryPrimitives.WriteUInt64LittleEndian(header[44..], _sessionId);
        _encrypt.Encrypt(header.Slice(20, 16), plaintext, destination.Slice(Smb2TransformHeader.Length, plaintext.Length),
            header.Slice(4, 16), header.Slice(Smb2TransformHeader.AadOffset, Smb2TransformHeader.AadLength));
        return total;
    }

    /// <summary>Decrypts a whole transform frame into <paramref name="plaintext"/>; returns its length.</summary>
    public int Decrypt(ReadOnlySpan<byte> frame, Span<byte> plaintext)
    {
        if (frame.Length < Smb2TransformHeader.Length) throw new FormatException("transform frame too short");
        var size = BinaryPrimitives.ReadUInt32LittleEndian(frame[36..]);
        if (size != frame.Length - Smb2TransformHeader.Length) throw new FormatException("transform OriginalMessageSize does not match the frame");
        var ok = _decrypt.TryDecrypt(frame.Slice(20, 16), frame[Smb2TransformHeader.Length..], frame.Slice(4, 16),
            plaintext[..(int)size], frame.Slice(Smb2TransformHeader.AadOffset, Smb2TransformHeader.AadLength));
        if (!ok) throw new System.Security.Cryptography.CryptographicException("encrypted SMB2 message failed authentication");
        return (int)size;
    }

    public void Dispose()
    {
        _encrypt.Dispose();
        _decrypt.Dispose();
    }
}
