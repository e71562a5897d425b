using SMBench.Core.Credentials;
using SMBench.Provisioner.Ldap;
using SMBench.Provisioner.Manifest;
using SMBench.Provisioner.Users;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Provisioner;

public sealed class OpenLdapProvisioningTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-prov-ldap-").FullName;
    private Slapd? _slapd;
    private Slapd Server => _slapd!;
    private string Credentials => Path.Combine(_dir, "creds.yaml");
    private string ManifestPath => Path.Combine(_dir, ProvisionManifest.DefaultFileName);

    public async Task InitializeAsync()
    {
        if (Slapd.Unavailable() == null) _slapd = await Slapd.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_slapd != null) await _slapd.DisposeAsync();
        Directory.Delete(_dir, true);
    }

    private LdapTargetOptions Plain(string password = Slapd.AdminPassword) => new()
    {
        Host = "127.0.0.1",
        Port = Server.Port,
        Transport = LdapTransport.Plain,
        BindDn = Slapd.AdminDn,
        BindPassword = password,
    };

    private UserProvisioningOptions Options(int clients, string baseDn = Slapd.PeopleDn) => new()
    {
        ClientIds = [.. Enumerable.Range(1, clients).Select(i => $"client_{i:000}")],
        BaseDn = baseDn,
        CredentialsOutput = Credentials,
        ManifestPath = ManifestPath,
        Parallelism = 4,
    };

    [RequiresSlapdFact]
    public async Task Provisions_50_users_over_plain_ldap_each_binds_and_cleanup_removes_them()
    {
        var provisioner = new UserProvisioner(Plain(), new OpenLdapDialect());

        var result = await provisioner.ProvisionAsync(Options(50));

        Assert.Equal(50, result.Created);
        Assert.Empty(result.OrganizationalUnitsCreated);
        var creds = CredentialsFile.Load(Credentials).ResolveAll(Options(50).ClientIds);
        Assert.Equal("smb001", creds["client_001"].UserName);
        foreach (var credential in creds.Values)
        {
            using var session = LdapSession.Open(Plain(), $"uid={credential.UserName},{Slapd.PeopleDn}", credential.Password);
        }
        var (code, output) = Server.WhoAmI($"uid=smb050,{Slapd.PeopleDn}", creds["client_050"].Password);
        Assert.True(code == 0, output);

        var again = await provisioner.ProvisionAsync(Options(50));
        Assert.Equal(50, again.PasswordsReset);

        var cleanup = await UserCleanup.CleanupAsync(Plain(), ManifestPath);

        Assert.Equal(50, cleanup.UsersDeleted);
        using var admin = LdapSession.Open(Plain());
        Assert.Empty(admin.Search(Slapd.PeopleDn, "(uid=smb*)", System.DirectoryServices.Protocols.SearchScope.OneLevel, "1.1")!);
        Assert.True(admin.Exists(Slapd.PeopleDn)); // not ours: it existed before
    }

    [RequiresSlapdFact]
    public async Task Ldaps_and_StartTls_with_the_servers_ca_file_work_and_an_untrusted_certificate_fails()
    {
        var ldaps = Plain() with
        {
            Port = Server.LdapsPort,
            Transport = LdapTransport.Ldaps,
            Trust = LdapCertificateTrust.CaFile,
            CaFile = Server.CertificatePath,
        };
        var startTls = ldaps with { Port = Server.Port, Transport = LdapTransport.StartTls };

        var created = await new UserProvisioner(ldaps, new OpenLdapDialect())
            .ProvisionAsync(Options(3, $"ou=tls,{Slapd.Suffix}"));
        var reset = await new UserProvisioner(startTls, new OpenLdapDialect())
            .ProvisionAsync(Options(3, $"ou=tls,{Slapd.Suffix}"));
        var untrusted = await Assert.ThrowsAsync<ProvisioningException>(() =>
            new UserProvisioner(ldaps with { Trust = LdapCertificateTrust.System }, new OpenLdapDialect()).ProvisionAsync(Options(1)));

        Assert.Equal(3, created.Created);
        Assert.Equal([$"ou=tls,{Slapd.Suffix}"], created.OrganizationalUnitsCreated);
        Assert.Equal(3, reset.PasswordsReset);
        Assert.Equal(LdapFailure.TlsFailure, untrusted.Failure);
        var c = CredentialsFile.Load(Credentials).Resolve("client_003");
        using (LdapSession.Open(startTls, $"uid={c.UserName},ou=tls,{Slapd.Suffix}", c.Password)) { }

        var cleanup = await UserCleanup.CleanupAsync(ldaps, ManifestPath);
        Assert.Equal(1, cleanup.OrganizationalUnitsDeleted);
    }

    [RequiresSlapdFact]
    public async Task Wrong_bind_password_and_unreachable_port_are_reported_as_such()
    {
        var wrong = await Assert.ThrowsAsync<ProvisioningException>(() =>
            new UserProvisioner(Plain("nope"), new OpenLdapDialect()).ProvisionAsync(Options(1)));
        var unreachable = await Assert.ThrowsAsync<ProvisioningException>(() =>
            new UserProvisioner(Plain() with { Port = FreePort.Next() }, new OpenLdapDialect()).ProvisionAsync(Options(1)));

        Assert.Equal(LdapFailure.InvalidCredentials, wrong.Failure);
        Assert.Equal(LdapFailure.Unreachable, unreachable.Failure);
        Assert.False(File.Exists(Credentials));
    }
}
