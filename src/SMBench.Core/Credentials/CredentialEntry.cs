using YamlDotNet.Serialization;

namespace SMBench.Core.Credentials;

/// <summary>One <c>users:</c> item of a credentials file: the account an IR client logs in with.</summary>
public sealed class CredentialEntry
{
    /// <summary>The IR client this account serves.</summary>
    [YamlMember(Alias = "client_id", Order = 0)]
    public string? ClientId { get; set; }

    /// <summary>sAMAccountName (Active Directory) or uid (OpenLDAP).</summary>
    [YamlMember(Alias = "username", Order = 1)]
    public string? Username { get; set; }

    /// <summary>NTLM domain for the SMB login; optional.</summary>
    [YamlMember(Alias = "domain", Order = 2)]
    public string? Domain { get; set; }

    /// <summary>Name of the environment variable holding the password (preferred over <see cref="Password"/>).</summary>
    [YamlMember(Alias = "password_env", Order = 3)]
    public string? PasswordEnv { get; set; }

    /// <summary>The password itself; generated passwords are written here (the file is mode 0600).</summary>
    [YamlMember(Alias = "password", Order = 4, ScalarStyle = YamlDotNet.Core.ScalarStyle.DoubleQuoted)]
    public string? Password { get; set; }

    public override string ToString() => $"client_id={ClientId} username={Username}";
}
