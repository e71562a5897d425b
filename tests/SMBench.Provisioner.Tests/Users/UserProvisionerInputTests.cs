using SMBench.Provisioner.Ldap;
using SMBench.Provisioner.Users;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Provisioner.Tests.Users;

/// <summary>Failures that must be reported before anything is written (no directory server needed for these).</summary>
public sealed class UserProvisionerInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-prov-unit-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    // Nothing listens on a port the OS just handed out and released.
    private static UserProvisioner Provisioner() => new(new LdapTargetOptions
    {
        Host = "127.0.0.1",
        Port = FreePort.Next(),
        Transport = LdapTransport.Ldaps,
        BindDn = "cn=admin",
        BindPassword = "pw",
    }, new ActiveDirectoryDialect());

    private UserProvisioningOptions Options(params string[] clients) => new()
    {
        ClientIds = clients,
        BaseDn = "OU=smbench,DC=lab,DC=test",
        CredentialsOutput = Path.Combine(_dir, "creds.yaml"),
    };

    [Fact]
    public async Task Unreachable_server_is_reported_with_host_and_port()
    {
        var e = await Assert.ThrowsAsync<ProvisioningException>(() => Provisioner().ProvisionAsync(Options("a")));

        Assert.Equal(LdapFailure.Unreachable, e.Failure);
        Assert.Contains("ldaps://127.0.0.1:", e.Message);
        Assert.False(File.Exists(Path.Combine(_dir, "creds.yaml")));
    }

    [Fact]
    public async Task Two_clients_mapped_to_one_account_is_a_name_collision()
    {
        var input = Path.Combine(_dir, "in.yaml");
        await File.WriteAllTextAsync(input, "users:\n  - {client_id: a, username: smb001, password: \"Xx1!xxxx\"}\n");

        var e = await Assert.ThrowsAsync<ProvisioningException>(() =>
            Provisioner().ProvisionAsync(Options("b", "a") with { CredentialsInput = input })); // b is smb001 by template

        Assert.Equal(LdapFailure.NameCollision, e.Failure);
        Assert.Contains("smb001", e.Message);
        Assert.DoesNotContain("Xx1!xxxx", e.ToString());
    }

    [Fact]
    public async Task Invalid_account_names_and_duplicate_clients_are_rejected()
    {
        var badName = await Assert.ThrowsAsync<ProvisioningException>(() =>
            Provisioner().ProvisionAsync(Options("a") with { NameTemplate = new UserNameTemplate("x{client_id}-much-too-long-for-ad") }));
        var duplicate = await Assert.ThrowsAsync<ProvisioningException>(() => Provisioner().ProvisionAsync(Options("a", "a")));
        var noOutput = await Assert.ThrowsAsync<ProvisioningException>(() =>
            Provisioner().ProvisionAsync(Options("a") with { CredentialsOutput = null }));

        Assert.Equal(LdapFailure.InvalidInput, badName.Failure);
        Assert.Contains("1 to 20", badName.Message);
        Assert.Equal(LdapFailure.InvalidInput, duplicate.Failure);
        Assert.Equal(LdapFailure.InvalidInput, noOutput.Failure);
    }
}
