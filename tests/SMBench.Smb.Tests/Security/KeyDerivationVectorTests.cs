using SMBench.Smb.Security.KeyDerivation;
using Xunit;

namespace SMBench.Smb.Tests.Security;

/// <summary>
/// Key derivation examples from Microsoft's Open Specifications blog "SMB 2 and SMB 3 security in Windows 10: the
/// anatomy of signing and cryptographic keys" (appendix). Its EncryptionKey is the client→server key ("ServerIn ",
/// "SMBC2SCipherKey"), the same naming as ours.
/// </summary>
public sealed class KeyDerivationVectorTests
{
    internal const string PreauthHash311 =
        "0DD13628CC3ED218EF9DF9772D436D0887AB9814BFAE63A80AA845F36909DB7928622DDDAD522D97" +
        "51640A459762C5A9D6BB084CBB3CE6BDADEF5D5BCE3C6C01";

    [Fact]
    public void Smb30_keys_match_the_published_example()
    {
        var keys = Smb3KeyDerivation.DeriveSessionKeys(0x0300, Convert.FromHexString("7CD451825D0450D235424E44BA6E78CC"), default);
        Assert.Equal("0B7E9C5CAC36C0F6EA9AB275298CEDCE", Convert.ToHexString(keys.SigningKey));
        Assert.Equal("FAD27796665B313EBB578F388632B4F7", Convert.ToHexString(keys.EncryptionKey));
        Assert.Equal("B0F0427F7CEB416D1D9DCC0CD4F99447", Convert.ToHexString(keys.DecryptionKey));
        Assert.Equal("BB23A4575AA26C721AF525AF15A87B4F", Convert.ToHexString(keys.ApplicationKey));
    }

    [Fact]
    public void Smb30_second_channel_signing_key_matches()
    {
        var keys = Smb3KeyDerivation.DeriveSessionKeys(0x0300, Convert.FromHexString("4E01A2B313BCF660CC250BEF021AEDE6"), default);
        Assert.Equal("BA1A17DBBFEC349BCA105563D598952F", Convert.ToHexString(keys.SigningKey));
    }

    [Fact]
    public void Smb311_keys_match_the_published_example()
    {
        var keys = Smb3KeyDerivation.DeriveSessionKeys(0x0311, Convert.FromHexString("270E1BA896585EEB7AF3472D3B4C75A7"),
            Convert.FromHexString(PreauthHash311));
        Assert.Equal("73FE7A9A77BEF0BDE49C650D8CCB5F76", Convert.ToHexString(keys.SigningKey));
        Assert.Equal("629BCBC54422A0F572B97F45989B6073", Convert.ToHexString(keys.EncryptionKey));
        Assert.Equal("E2AF0DCEFAC68DA71A0DFBD0D1350D74", Convert.ToHexString(keys.DecryptionKey));
        Assert.Equal("6D7AD7954E9EC61E907B4D473DC178FF", Convert.ToHexString(keys.ApplicationKey));
    }
}
