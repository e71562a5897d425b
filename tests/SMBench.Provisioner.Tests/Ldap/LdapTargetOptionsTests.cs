using SMBench.Provisioner.Ldap;
using Xunit;

namespace SMBench.Provisioner.Tests.Ldap;

public sealed class LdapTargetOptionsTests
{
    [Theory]
    [InlineData("ldaps://dc1.lab.test", false, LdapTransport.Ldaps, 636)]
    [InlineData("ldaps://dc1.lab.test:3269", false, LdapTransport.Ldaps, 3269)]
    [InlineData("ldap://dc1.lab.test", false, LdapTransport.StartTls, 389)]
    [InlineData("ldap://127.0.0.1:1389", true, LdapTransport.Plain, 1389)]
    public void FromUri_picks_transport_and_port(string uri, bool allowPlain, LdapTransport transport, int port)
    {
        var target = LdapTargetOptions.FromUri(uri, "cn=admin", "pw", allowPlain);

        Assert.Equal(transport, target.Transport);
        Assert.Equal(port, target.EffectivePort);
    }

    [Fact]
    public void Plain_ldap_without_the_flag_means_starttls_never_clear_text()
    {
        Assert.Equal(LdapTransport.StartTls, LdapTargetOptions.FromUri("ldap://h", "u", "p").Transport);
    }

    [Fact]
    public void Rejects_other_schemes()
    {
        Assert.Throws<ArgumentException>(() => LdapTargetOptions.FromUri("http://h", "u", "p"));
    }

    [Fact]
    public void ToString_does_not_show_the_bind_password()
    {
        var target = LdapTargetOptions.FromUri("ldaps://h", "cn=admin", "Secr3t-Bind!");

        Assert.DoesNotContain("Secr3t-Bind!", target.ToString());
        Assert.DoesNotContain("Secr3t-Bind!", $"{target}");
    }
}
