namespace SMBench.Smb.Security.Encryption;

/// <summary>One AEAD direction of an encrypted session: nonce in, ciphertext and 16-byte tag out.</summary>
public interface ISmb2Cipher : IDisposable
{
    /// <summary>11 for CCM, 12 for GCM; the rest of the 16-byte TRANSFORM_HEADER nonce field stays zero.</summary>
    int NonceLength { get; }

    void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad);

    /// <summary>False when the tag does not match (tampered or wrong key).</summary>
    bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad);
}
