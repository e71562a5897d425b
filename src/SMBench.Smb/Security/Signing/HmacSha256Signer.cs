using System.Security.Cryptography;

namespace SMBench.Smb.Security.Signing;

/// <summary>SMB 2.0.2 / 2.1 signing: HMAC-SHA256 keyed with the session key, truncated to 16 bytes.</summary>
public sealed class HmacSha256Signer : ISmb2Signer
{
    private readonly Action<ReadOnlySpan<byte>, Span<byte>> _mac;
    private readonly byte[] _key;

    public HmacSha256Signer(ReadOnlySpan<byte> sessionKey)
    {
        _key = sessionKey.ToArray();
        _mac = Mac; // one delegate per signer, not one per message
    }

    public void Sign(Span<byte> message) => Smb2SignatureLayout.SignWith(message, _mac);

    public bool Verify(Span<byte> message) => Smb2SignatureLayout.VerifyWith(message, _mac);

    private void Mac(ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, message, full);
        full[..16].CopyTo(signature);
    }
}
