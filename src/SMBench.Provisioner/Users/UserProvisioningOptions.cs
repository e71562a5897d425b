using SMBench.Provisioner.Ldap;

namespace SMBench.Provisioner.Users;

/// <summary>Inputs of <see cref="UserProvisioner.ProvisionAsync"/>.</summary>
public sealed record UserProvisioningOptions
{
    /// <summary>The IR clients, one account each, in IR order (the order gives {index}).</summary>
    public required IReadOnlyList<string> ClientIds { get; init; }

    /// <summary>Container of the accounts, e.g. OU=smbench,DC=lab,DC=test; missing OUs on the way are created.</summary>
    public required string BaseDn { get; init; }

    public UserNameTemplate NameTemplate { get; init; } = new(UserNameTemplate.Default);

    /// <summary>
    /// Existing credentials file: a client listed there keeps its username and password source (password or
    /// password_env); its default block is carried over to the output.
    /// </summary>
    public string? CredentialsInput { get; init; }

    /// <summary>Where the credentials file for the replay is written (mode 0600). Required unless dry run.</summary>
    public string? CredentialsOutput { get; init; }

    /// <summary>The manifest recording what was created, for cleanup (e.g. workload/provision-manifest.json).</summary>
    public string? ManifestPath { get; init; }

    /// <summary>NTLM domain written into each credentials entry (e.g. LAB); none when null.</summary>
    public string? LoginDomain { get; init; }

    public ExistingUserPolicy Existing { get; init; } = ExistingUserPolicy.ResetPassword;

    /// <summary>Group DNs every account is added to (member attribute).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>How many LDAP connections work at once.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Only plan: connects and reads, writes nothing (no directory change, no files).</summary>
    public bool DryRun { get; init; }

    /// <summary>Looks up password_env variables; the process environment when null.</summary>
    public Func<string, string?>? Environment { get; init; }
}
