using SMBench.Core.Credentials;
using Xunit;

namespace SMBench.Core.Tests.Credentials;

public sealed class CredentialsFileWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-creds-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static CredentialsDocument Sample() => new()
    {
        Users =
        [
            new CredentialEntry { ClientId = "client_001", Username = "smb001", Domain = "LAB", Password = "a\"b: #c'd" },
            new CredentialEntry { ClientId = "client_002", Username = "smb002", PasswordEnv = "SMB002_PW" },
        ],
        Default = new DefaultCredentialEntry { Username = "replay", PasswordEnv = "REPLAY_PW" },
    };

    [Fact]
    public async Task Written_file_is_mode_0600_and_round_trips()
    {
        var path = Path.Combine(_dir, "sub", "creds.yaml");

        await CredentialsFileWriter.WriteAsync(path, Sample());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var loaded = CredentialsFile.Load(path, name => name == "SMB002_PW" ? "env-pw" : name == "REPLAY_PW" ? "d" : null);
        Assert.Equal(new Credential("LAB", "smb001", "a\"b: #c'd"), loaded.Resolve("client_001"));
        Assert.Equal(new Credential(null, "smb002", "env-pw"), loaded.Resolve("client_002"));
        Assert.Equal("replay", loaded.Resolve("other").UserName);
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "sub"), "*.tmp"));
    }

    [Fact]
    public async Task Overwriting_a_world_readable_file_leaves_it_0600()
    {
        var path = Path.Combine(_dir, "creds.yaml");
        await File.WriteAllTextAsync(path, "users: []\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);

        await CredentialsFileWriter.WriteAsync(path, Sample());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains("client_001", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public void Yaml_uses_the_documented_keys()
    {
        var yaml = CredentialsFileWriter.ToYaml(Sample());

        Assert.Contains("client_id: client_001", yaml);
        Assert.Contains("password_env: SMB002_PW", yaml);
        Assert.Contains("default:", yaml);
        Assert.DoesNotContain("ClientId", yaml);
    }
}
