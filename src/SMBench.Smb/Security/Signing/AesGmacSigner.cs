using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SMBench.Smb.Security.Signing;

/// <summary>
/// SMB 3.1.1 AES-128-GMAC signing (MS-SMB2 §3.1.4.1): AES-GCM with an empty plaintext and the message as AAD; the
/// 12-byte nonce is the MessageId followed by 4 bytes whose bit 0 marks server-to-client and bit 1 a CANCEL.
/// </summary>
public sealed class AesGmacSigner : ISmb2Signer, IDisposable
{
    private readonly Action<ReadOnlySpan<byte>, Span<byte>> _mac;
    private readonly AesGcm _gcm;

    public AesGmacSigner(ReadOnlySpan<byte> signingKey)
    {
        _gcm = new AesGcm(signingKey, 16);
        _mac = Mac; // one delegate per signer, not one per message
    }

    public void Sign(Span<byte> message) => Smb2SignatureLayout.SignWith(message, _mac);

    public bool Verify(Span<byte> message) => Smb2SignatureLayout.VerifyWith(message, _mac);

    private void Mac(ReadOnlySpan<byte> message, Span<byte> tag)
    {
        Span<byte> nonce = stackalloc byte[12];
        message.Slice(24, 8).CopyTo(nonce);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(message[16..]);
        var command = BinaryPrimitives.ReadUInt16LittleEndian(message[12..]);
        nonce[8] = (byte)(((flags & Smb2SignatureLayout.FlagServerToRedir) != 0 ? 1 : 0)
                          | (command == Smb2SignatureLayout.CancelCommand ? 2 : 0));
        // AesGcm is not documented thread-safe; a connection may sign from several writers.
        lock (_gcm) _gcm.Encrypt(nonce, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, tag, message);
    }

    public void Dispose() => _gcm.Dispose();
}
