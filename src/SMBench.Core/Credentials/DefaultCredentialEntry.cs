using YamlDotNet.Serialization;

namespace SMBench.Core.Credentials;

/// <summary>The <c>default:</c> block of a credentials file: the account for IR clients not listed.</summary>
public sealed class DefaultCredentialEntry
{
    [YamlMember(Alias = "username", Order = 0)]
    public string? Username { get; set; }

    [YamlMember(Alias = "domain", Order = 1)]
    public string? Domain { get; set; }

    [YamlMember(Alias = "password_env", Order = 2)]
    public string? PasswordEnv { get; set; }

    [YamlMember(Alias = "password", Order = 3, ScalarStyle = YamlDotNet.Core.ScalarStyle.DoubleQuoted)]
    public string? Password { get; set; }

    public override string ToString() => $"default username={Username}";
}
