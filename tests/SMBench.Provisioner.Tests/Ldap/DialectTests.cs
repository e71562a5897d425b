using System.Security.Cryptography;
using System.Text;
using SMBench.Provisioner.Ldap;
using Xunit;

namespace SMBench.Provisioner.Tests.Ldap;

public sealed class DialectTests
{
    private static readonly NewUserSpec Spec = new("smb007", "Pw-123456!", "client_007", 7, "OU=smbench,DC=lab,DC=test");

    [Fact]
    public void UnicodePwd_is_the_quoted_password_in_utf16le()
    {
        var bytes = ActiveDirectoryDialect.EncodePassword("Ab1!");

        Assert.Equal(new byte[] { 0x22, 0, 0x41, 0, 0x62, 0, 0x31, 0, 0x21, 0, 0x22, 0 }, bytes);
    }

    [Fact]
    public void Ad_user_has_the_attributes_a_login_needs()
    {
        var attributes = new ActiveDirectoryDialect().NewUser(Spec).ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

        Assert.Equal("smb007", attributes["sAMAccountName"][0]);
        Assert.Equal("smb007@lab.test", attributes["userPrincipalName"][0]);
        Assert.Equal("512", attributes["userAccountControl"][0]);
        Assert.Equal(ActiveDirectoryDialect.EncodePassword("Pw-123456!"), (byte[])attributes["unicodePwd"][0]);
        Assert.Contains("user", attributes["objectClass"].GetValues(typeof(string)).Cast<string>());
        Assert.Equal("CN=smb007,OU=smbench,DC=lab,DC=test", new ActiveDirectoryDialect().UserDn("smb007", Spec.BaseDn));
    }

    [Theory]
    [InlineData("smb001", true)]
    [InlineData("a-very-long-account-name", false)]
    [InlineData("bad@name", false)]
    [InlineData("dot.", false)]
    public void Ad_validates_sAMAccountName(string name, bool valid)
    {
        Assert.Equal(valid, new ActiveDirectoryDialect().ValidateUsername(name) == null);
    }

    [Fact]
    public void OpenLdap_user_is_posix_with_uid_number_from_the_index_and_ssha_password()
    {
        var dialect = new OpenLdapDialect { UidNumberStart = 30000 };
        var attributes = dialect.NewUser(Spec).ToDictionary(a => a.Name);

        Assert.Equal("30006", attributes["uidNumber"][0]);
        Assert.Equal("smb007", attributes["uid"][0]);
        var stored = (string)attributes["userPassword"][0];
        Assert.True(VerifySsha(stored, "Pw-123456!"));
        Assert.False(VerifySsha(stored, "wrong"));
        Assert.Equal("uid=smb007,OU=smbench,DC=lab,DC=test", dialect.UserDn("smb007", Spec.BaseDn));
    }

    private static bool VerifySsha(string stored, string password)
    {
        Assert.StartsWith("{SSHA}", stored, StringComparison.Ordinal);
        var raw = Convert.FromBase64String(stored[6..]);
        var salt = raw[20..];
#pragma warning disable CA5350 // verifying the {SSHA} scheme itself
        var digest = SHA1.HashData([.. Encoding.UTF8.GetBytes(password), .. salt]);
#pragma warning restore CA5350
        return digest.AsSpan().SequenceEqual(raw.AsSpan(0, 20));
    }
}
