using System.Security.Cryptography;

namespace SMBench.Smb.Security.Encryption;

/// <summary>AES-CCM (128 or 256-bit key) with an 11-byte nonce, as SMB 3.0 and 3.1.1 use it.</summary>
public sealed class AesCcmCipher : ISmb2Cipher
{
    private readonly AesCcm _ccm;

    public AesCcmCipher(ReadOnlySpan<byte> key) => _ccm = new AesCcm(key);

    public int NonceLength => 11;

    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad)
    {
        lock (_ccm) _ccm.Encrypt(nonce[..11], plaintext, ciphertext, tag, aad);
    }

    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad)
    {
        try
        {
            lock (_ccm) _ccm.Decrypt(nonce[..11], ciphertext, tag, plaintext, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public void Dispose() => _ccm.Dispose();
}
