using SMBench.Provisioner.Ldap;
using Xunit;

namespace SMBench.Provisioner.Tests.Ldap;

public sealed class DistinguishedNameTests
{
    [Fact]
    public void Split_honours_escaped_commas()
    {
        Assert.Equal(["CN=Doe\\, John", "OU=x", "DC=lab"], DistinguishedName.Split("CN=Doe\\, John, OU=x,DC=lab"));
    }

    [Fact]
    public void Parent_domain_root_and_dns_domain()
    {
        const string dn = "OU=a,OU=b,DC=lab,DC=test";

        Assert.Equal("OU=b,DC=lab,DC=test", DistinguishedName.Parent(dn));
        Assert.Equal("DC=lab,DC=test", DistinguishedName.DomainRoot(dn));
        Assert.Equal("lab.test", DistinguishedName.DnsDomain(dn));
        Assert.Null(DistinguishedName.Parent("DC=test"));
        Assert.Equal("o=example", DistinguishedName.DomainRoot("ou=people,o=example"));
    }

    [Fact]
    public void FirstRdn_unescapes_the_value()
    {
        Assert.Equal(("OU", "a,b"), DistinguishedName.FirstRdn("OU=a\\,b,DC=x"));
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("#x", "\\#x")]
    [InlineData("x ", "x\\ ")]
    [InlineData("a=b+c", "a\\=b\\+c")]
    public void EscapeValue_escapes_rfc4514_specials(string value, string expected)
    {
        Assert.Equal(expected, DistinguishedName.EscapeValue(value));
    }

    [Fact]
    public void EscapeFilter_escapes_rfc4515_specials()
    {
        Assert.Equal("a\\2a\\28b\\29\\5c", DistinguishedName.EscapeFilter("a*(b)\\"));
    }

    [Fact]
    public void AreEqual_ignores_case_and_spaces_after_commas()
    {
        Assert.True(DistinguishedName.AreEqual("CN=x, OU=Y,DC=lab", "cn=X,ou=y,dc=LAB"));
        Assert.False(DistinguishedName.AreEqual("CN=x,OU=Y", "CN=x,OU=Z"));
    }
}
