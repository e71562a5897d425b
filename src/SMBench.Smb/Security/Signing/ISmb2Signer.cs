namespace SMBench.Smb.Security.Signing;

/// <summary>
/// Signs or verifies one SMB2 message (header and body, no transport prefix) in place. The signature field
/// (bytes 48–63) is treated as zero while the MAC is computed, as MS-SMB2 §3.1.4.1 requires.
/// </summary>
public interface ISmb2Signer
{
    /// <summary>Sets SMB2_FLAGS_SIGNED and writes the signature into the message.</summary>
    void Sign(Span<byte> message);

    /// <summary>True when the message's signature is right. The message is left as it was.</summary>
    bool Verify(Span<byte> message);
}
