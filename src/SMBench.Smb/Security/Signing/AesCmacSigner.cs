using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace SMBench.Smb.Security.Signing;

/// <summary>SMB 3.x signing: AES-128-CMAC (RFC 4493) keyed with the derived SigningKey.</summary>
public sealed class AesCmacSigner : ISmb2Signer
{
    private readonly Action<ReadOnlySpan<byte>, Span<byte>> _mac;
    private readonly KeyParameter _key;

    public AesCmacSigner(ReadOnlySpan<byte> signingKey)
    {
        _key = new KeyParameter(signingKey.ToArray());
        _mac = Mac; // one delegate per signer, not one per message
    }

    public void Sign(Span<byte> message) => Smb2SignatureLayout.SignWith(message, _mac);

    public bool Verify(Span<byte> message) => Smb2SignatureLayout.VerifyWith(message, _mac);

    /// <summary>Plain AES-CMAC over <paramref name="data"/> (exposed for the RFC 4493 vectors).</summary>
    public void Mac(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        // A CMac instance is cheap but not thread-safe; one per call keeps the signer shareable across requests.
        var cmac = new CMac(new AesEngine(), 128);
        cmac.Init(_key);
        cmac.BlockUpdate(data);
        cmac.DoFinal(mac);
    }
}
