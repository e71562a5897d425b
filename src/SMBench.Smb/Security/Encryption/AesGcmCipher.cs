using System.Security.Cryptography;

namespace SMBench.Smb.Security.Encryption;

/// <summary>AES-GCM (128 or 256-bit key) with a 12-byte nonce (SMB 3.1.1).</summary>
public sealed class AesGcmCipher : ISmb2Cipher
{
    private readonly AesGcm _gcm;

    public AesGcmCipher(ReadOnlySpan<byte> key) => _gcm = new AesGcm(key, 16);

    public int NonceLength => 12;

    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad)
    {
        lock (_gcm) _gcm.Encrypt(nonce[..12], plaintext, ciphertext, tag, aad);
    }

    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad)
    {
        try
        {
            lock (_gcm) _gcm.Decrypt(nonce[..12], ciphertext, tag, plaintext, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public void Dispose() => _gcm.Dispose();
}
