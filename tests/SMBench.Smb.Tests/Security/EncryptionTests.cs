using SMBench.Smb.Security.Encryption;
using Xunit;

namespace SMBench.Smb.Tests.Security;

public sealed class EncryptionTests
{
    [Theory]
    [InlineData(Smb2CipherId.Aes128Ccm)]
    [InlineData(Smb2CipherId.Aes128Gcm)]
    [InlineData(Smb2CipherId.Aes256Ccm)]
    [InlineData(Smb2CipherId.Aes256Gcm)]
    public void Transform_round_trips_and_uses_counter_nonces(Smb2CipherId cipher)
    {
        var len = Smb2Encryptor.KeyLength(cipher);
        var c2s = Enumerable.Repeat((byte)1, len).ToArray();
        var s2c = Enumerable.Repeat((byte)2, len).ToArray();
        using var client = new Smb2Encryptor(cipher, c2s, s2c, 0x1234);
        using var server = new Smb2Encryptor(cipher, s2c, c2s, 0x1234);
        var plain = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        var frame1 = new byte[plain.Length + Smb2TransformHeader.Length];
        var frame2 = new byte[frame1.Length];
        client.Encrypt(plain, frame1);
        client.Encrypt(plain, frame2);

        var h1 = Smb2TransformHeader.Parse(frame1);
        var h2 = Smb2TransformHeader.Parse(frame2);
        Assert.Equal(0x1234ul, h1.SessionId);
        Assert.Equal((uint)plain.Length, h1.OriginalMessageSize);
        Assert.NotEqual(h1.Nonce, h2.Nonce);
        Assert.NotEqual(frame1.AsSpan(52).ToArray(), plain);

        var back = new byte[plain.Length];
        Assert.Equal(plain.Length, server.Decrypt(frame1, back));
        Assert.Equal(plain, back);
        frame2[60] ^= 1;
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => server.Decrypt(frame2, back));
    }
}
