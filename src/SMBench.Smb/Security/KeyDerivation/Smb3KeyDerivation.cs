using System.Security.Cryptography;

namespace SMBench.Smb.Security.KeyDerivation;

/// <summary>
/// The SMB 3.x KDF (MS-SMB2 §3.1.4.2): SP800-108 counter mode with HMAC-SHA256, 128-bit output. The labels carry
/// their trailing NUL; the KDF itself adds the 0x00 separator between label and context.
/// </summary>
public static class Smb3KeyDerivation
{
    public static byte[] Derive(ReadOnlySpan<byte> sessionKey, ReadOnlySpan<byte> label, ReadOnlySpan<byte> context, int length = 16)
        => SP800108HmacCounterKdf.DeriveBytes(sessionKey, HashAlgorithmName.SHA256, label, context, length);

    /// <summary>All keys of one session for a 3.x dialect. <paramref name="preauthHash"/> is used only on 3.1.1.</summary>
    public static Smb3SessionKeys DeriveSessionKeys(ushort dialect, ReadOnlySpan<byte> sessionKey, ReadOnlySpan<byte> preauthHash,
        int cipherKeyLength = 16)
    {
        if (dialect >= 0x0311)
        {
            return new Smb3SessionKeys(
                Derive(sessionKey, "SMBSigningKey\0"u8, preauthHash),
                Derive(sessionKey, "SMBC2SCipherKey\0"u8, preauthHash, cipherKeyLength),
                Derive(sessionKey, "SMBS2CCipherKey\0"u8, preauthHash, cipherKeyLength),
                Derive(sessionKey, "SMBAppKey\0"u8, preauthHash));
        }
        return new Smb3SessionKeys(
            Derive(sessionKey, "SMB2AESCMAC\0"u8, "SmbSign\0"u8),
            Derive(sessionKey, "SMB2AESCCM\0"u8, "ServerIn \0"u8),
            Derive(sessionKey, "SMB2AESCCM\0"u8, "ServerOut\0"u8),
            Derive(sessionKey, "SMB2APP\0"u8, "SmbRpc\0"u8));
    }
}

/// <summary>
/// Keys of a 3.x session, named from the client's side: <see cref="EncryptionKey"/> protects client→server
/// messages (the server's DecryptionKey), <see cref="DecryptionKey"/> opens server→client ones.
/// </summary>
public sealed record Smb3SessionKeys(byte[] SigningKey, byte[] EncryptionKey, byte[] DecryptionKey, byte[] ApplicationKey)
{
    public override string ToString() => "Smb3SessionKeys { (redacted) }";
}
