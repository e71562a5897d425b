using SMBench.Core.Credentials;
using Xunit;

namespace SMBench.Core.Tests.Fuzz;

/// <summary>
/// Crashers the credentials fuzzer (<c>fuzz credentials-yaml</c>) found: YAML that deserializes to a null users
/// list or a null entry (NullReferenceException in validation), and content after a "..." document-end marker
/// (InvalidOperationException from the YAML scanner). Each is now a <see cref="CredentialsException"/>.
/// </summary>
public sealed class CredentialsYamlRegressionTests
{
    [Fact]
    public void A_users_key_without_a_list_is_an_empty_list()
    {
        var file = CredentialsFile.Parse("users:\ndefault:\n  username: replay\n  password: x\n", "t.yaml");
        Assert.Empty(file.Document.Users);
        Assert.Equal("replay", file.Resolve("client_001").UserName);
    }

    [Theory]
    [InlineData("users:\n  -\n")]
    [InlineData("users:\n  - ~\n  - client_id: c1\n    username: u\n    password: x\n")]
    public void An_empty_users_item_is_a_credentials_error(string yaml)
    {
        var e = Assert.Throws<CredentialsException>(() => CredentialsFile.Parse(yaml, "t.yaml"));
        Assert.Contains("users[0]: empty entry", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_after_the_document_end_marker_is_a_credentials_error()
    {
        var e = Assert.Throws<CredentialsException>(() =>
            CredentialsFile.Parse("...\ndefault:\n  username: replay\n  password: 'p#w'", "t.yaml"));
        Assert.Contains("not a valid credentials file", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p#w", e.Message, StringComparison.Ordinal);
    }
}
