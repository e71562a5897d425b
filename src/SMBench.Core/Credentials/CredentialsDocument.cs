using YamlDotNet.Serialization;

namespace SMBench.Core.Credentials;

/// <summary>
/// The credentials file (YAML, mode 0600) that maps IR client ids to accounts; see docs/provisioner.md.
/// </summary>
public sealed class CredentialsDocument
{
    [YamlMember(Alias = "users", Order = 0)]
    public List<CredentialEntry> Users { get; set; } = [];

    [YamlMember(Alias = "default", Order = 1)]
    public DefaultCredentialEntry? Default { get; set; }
}
