using SMBench.Provisioner.Users;
using Xunit;

namespace SMBench.Provisioner.Tests.Users;

public sealed class UserNameTemplateTests
{
    [Theory]
    [InlineData("smb{index:000}", 7, "c1", "smb007")]
    [InlineData("smb{index}", 12, "c1", "smb12")]
    [InlineData("u-{client_id}", 1, "client 1/x", "u-client_1_x")]
    public void Formats_placeholders(string template, int index, string clientId, string expected)
    {
        Assert.Equal(expected, new UserNameTemplate(template).Format(index, clientId));
    }

    [Theory]
    [InlineData("smb")]
    [InlineData("smb{idx}")]
    [InlineData("")]
    public void Rejects_templates_that_cannot_give_distinct_names(string template)
    {
        Assert.Throws<ArgumentException>(() => new UserNameTemplate(template));
    }
}
