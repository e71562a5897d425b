using SMBench.Core.Credentials;
using Xunit;

namespace SMBench.Core.Tests.Credentials;

public sealed class CredentialTests
{
    [Fact]
    public void ToString_and_interpolation_redact_the_password()
    {
        var c = new Credential("LAB", "smb001", "Sup3r-Secret!");

        Assert.DoesNotContain("Sup3r-Secret!", c.ToString());
        Assert.DoesNotContain("Sup3r-Secret!", $"{c}");
        Assert.Contains("LAB\\smb001", c.ToString());
    }

    [Fact]
    public void DisplayName_omits_an_empty_domain()
    {
        Assert.Equal("smb001", new Credential(null, "smb001", "x").DisplayName);
        Assert.Equal("LAB\\smb001", new Credential("LAB", "smb001", "x").DisplayName);
    }
}
