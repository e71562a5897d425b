using SMBench.Core.Credentials;
using Xunit;

namespace SMBench.Core.Tests.Credentials;

public sealed class CredentialsFileTests
{
    private const string Example = """
        users:
          - client_id: client_001      # IR client it serves
            username: smb001
            domain: LAB
            password_env: SMB001_PW
          - client_id: client_002
            username: smb002
            password: "Gen3rated!pw"
        default:
          username: replay
          password_env: REPLAY_PW
        """;

    private static readonly Dictionary<string, string> Env = new()
    {
        ["SMB001_PW"] = "FromEnv#1",
        ["REPLAY_PW"] = "Default#2",
    };

    private static CredentialsFile Parse(string yaml) => CredentialsFile.Parse(yaml, "creds.yaml", Env.GetValueOrDefault);

    [Fact]
    public void Resolves_password_from_env_from_file_and_default()
    {
        var file = Parse(Example);

        Assert.Equal(new Credential("LAB", "smb001", "FromEnv#1"), file.Resolve("client_001"));
        Assert.Equal(new Credential(null, "smb002", "Gen3rated!pw"), file.Resolve("client_002"));
        Assert.Equal(new Credential(null, "replay", "Default#2"), file.Resolve("client_999"));
        Assert.True(file.HasEntry("client_002"));
        Assert.False(file.HasEntry("client_999"));
    }

    [Fact]
    public void Missing_env_var_names_file_entry_and_variable()
    {
        var file = CredentialsFile.Parse(Example, "creds.yaml", _ => null);

        var e = Assert.Throws<CredentialsException>(() => file.Resolve("client_001"));

        Assert.Contains("creds.yaml", e.Message);
        Assert.Contains("client_001", e.Message);
        Assert.Contains("SMB001_PW", e.Message);
    }

    [Fact]
    public void Unlisted_client_without_default_is_an_error_naming_the_client()
    {
        var file = Parse("users:\n  - client_id: a\n    username: u\n    password: p\n");

        var e = Assert.Throws<CredentialsException>(() => file.Resolve("b"));

        Assert.Contains("'b'", e.Message);
        Assert.Contains("default", e.Message);
    }

    [Theory]
    [InlineData("users:\n  - username: u\n    password: p\n", "client_id is missing")]
    [InlineData("users:\n  - client_id: a\n    password: p\n", "username is missing")]
    [InlineData("users:\n  - client_id: a\n    username: u\n", "password_env or password is required")]
    [InlineData("users:\n  - client_id: a\n    username: u\n    password: p\n    password_env: X\n", "not both")]
    [InlineData("users:\n  - {client_id: a, username: u, password: p}\n  - {client_id: a, username: v, password: p}\n", "listed twice")]
    [InlineData("default:\n  password: p\n", "default block: username is missing")]
    public void Invalid_entries_are_rejected_with_the_reason(string yaml, string expected)
    {
        var e = Assert.Throws<CredentialsException>(() => Parse(yaml));

        Assert.Contains(expected, e.Message);
        Assert.StartsWith("creds.yaml: ", e.Message);
    }

    [Fact]
    public void Unknown_key_is_reported_with_its_line()
    {
        var e = Assert.Throws<CredentialsException>(() => Parse("users:\n  - client_id: a\n    user: u\n"));

        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Errors_never_contain_the_password()
    {
        const string secret = "S3cret-Never-Shown";
        var yaml = $"users:\n  - client_id: a\n    username: u\n    password: \"{secret}\"\n    password_env: X\n";

        var e = Assert.Throws<CredentialsException>(() => Parse(yaml));

        Assert.DoesNotContain(secret, e.ToString());
    }

    [Fact]
    public void ResolveAll_reports_every_problem_at_once()
    {
        var file = CredentialsFile.Parse(
            "users:\n  - {client_id: a, username: u, password_env: PA}\n  - {client_id: b, username: v, password_env: PB}\n",
            "creds.yaml", _ => null);

        var e = Assert.Throws<CredentialsException>(() => file.ResolveAll(["a", "b"]));

        Assert.Contains("PA", e.Message);
        Assert.Contains("PB", e.Message);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"smbench-missing-{Guid.NewGuid():N}.yaml");

        var e = Assert.Throws<CredentialsException>(() => CredentialsFile.Load(path));

        Assert.Contains(path, e.Message);
    }
}
