using SMBench.Provisioner.Users;
using Xunit;

namespace SMBench.Provisioner.Tests.Users;

public sealed class PasswordGeneratorTests
{
    [Fact]
    public void Generated_passwords_meet_ad_complexity_and_differ()
    {
        var passwords = Enumerable.Range(0, 500).Select(_ => PasswordGenerator.Generate("smb001")).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(20, p.Length);
            Assert.True(PasswordGenerator.MeetsActiveDirectoryComplexity(p, "smb001"), "complexity");
            Assert.True(p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit) && p.Any(c => !char.IsLetterOrDigit(c)));
            Assert.DoesNotContain('"', p);
            Assert.DoesNotContain('\\', p);
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Theory]
    [InlineData("abc", "u", false)]
    [InlineData("abcdefgh", "u", false)]
    [InlineData("Abcdefg1", "u", true)]
    [InlineData("xSmb001x!9", "smb001", false)]
    public void Complexity_check_matches_ad_default_rules(string password, string user, bool ok)
    {
        Assert.Equal(ok, PasswordGenerator.MeetsActiveDirectoryComplexity(password, user));
    }
}
