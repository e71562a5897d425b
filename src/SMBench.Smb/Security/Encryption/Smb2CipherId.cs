namespace SMBench.Smb.Security.Encryption;

/// <summary>Cipher ids of SMB2_ENCRYPTION_CAPABILITIES (MS-SMB2 §2.2.3.1.2).</summary>
public enum Smb2CipherId : ushort
{
    None = 0,
    Aes128Ccm = 1,
    Aes128Gcm = 2,
    Aes256Ccm = 3,
    Aes256Gcm = 4,
}
