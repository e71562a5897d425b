using SMBench.Core.Credentials;
using SMBench.Provisioner.Ldap;
using SMBench.Provisioner.Manifest;
using SMBench.Provisioner.Prestate;
using SMBench.Provisioner.Users;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Provisioner;

[Collection(SambaAdDcCollection.Name)]
public sealed class ActiveDirectoryProvisioningTests(SambaAdDcFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-prov-ad-").FullName;
    private readonly string _ou = $"OU=smbench-{Guid.NewGuid().ToString("N")[..8]},{SambaAdDc.BaseDn}";
    private string Credentials => Path.Combine(_dir, "creds.yaml");
    private string ManifestPath => Path.Combine(_dir, ProvisionManifest.DefaultFileName);

    public void Dispose() => Directory.Delete(_dir, true);

    private static LdapTargetOptions Ldaps(string password = SambaAdDc.AdminPassword) => new()
    {
        Host = "127.0.0.1",
        Transport = LdapTransport.Ldaps,
        Trust = LdapCertificateTrust.AnyCertificate,
        BindDn = SambaAdDc.AdminUpn,
        BindPassword = password,
    };

    private UserProvisioningOptions Options(int clients, string prefix = "c") => new()
    {
        ClientIds = [.. Enumerable.Range(1, clients).Select(i => $"client_{i:000}")],
        BaseDn = _ou,
        NameTemplate = new UserNameTemplate(prefix + "{index:000}" + _ou[12..15]),
        CredentialsOutput = Credentials,
        ManifestPath = ManifestPath,
        LoginDomain = SambaAdDc.NetbiosDomain,
        Parallelism = 8,
    };

    [RequiresSambaAdDcFact]
    public async Task Provisions_50_users_over_ldaps_each_binds_and_writes_over_smb_rerun_is_idempotent_and_cleanup_removes_them()
    {
        var provisioner = new UserProvisioner(Ldaps(), new ActiveDirectoryDialect());
        var progress = new List<ProvisionProgress>();
        var options = Options(50);

        var result = await provisioner.ProvisionAsync(options, new SyncProgress<ProvisionProgress>(progress.Add));

        Assert.Equal(50, result.Created);
        Assert.Equal([_ou], result.OrganizationalUnitsCreated);
        Assert.Equal(50, progress.Count);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Credentials));
        var creds = CredentialsFile.Load(Credentials).ResolveAll(options.ClientIds);
        foreach (var credential in creds.Values)
        {
            using var session = LdapSession.Open(Ldaps(), $"{credential.UserName}@lab.test", credential.Password);
            Assert.Equal(SambaAdDc.NetbiosDomain, credential.Domain);
        }
        // The accounts are real domain users: two of them log in over SMB and write a file.
        foreach (var credential in creds.Values.Take(2))
        {
            var (code, output) = fixture.Dc!.SmbClient(credential.UserName, credential.Password, $"put /etc/hostname {credential.UserName}.txt");
            Assert.True(code == 0, output);
            Assert.True(File.Exists(Path.Combine(fixture.Dc.DataPath, $"{credential.UserName}.txt")));
        }

        // ... and every one of them with our own SMB client (signing is mandatory on a DC).
        foreach (var smbUser in creds.Values)
        {
            await using (var writer = await SmbShareWriter.ConnectAsync("127.0.0.1", fixture.Dc!.SmbPort, SambaAdDc.ShareName, smbUser))
                Assert.Equal(EnsureOutcome.Created, await writer.EnsureFileAsync($"{smbUser.UserName}.bin", 10_000, ContentKind.Synthetic));
            Assert.Equal(10_000, new FileInfo(Path.Combine(fixture.Dc.DataPath, $"{smbUser.UserName}.bin")).Length);
        }

        var again = await provisioner.ProvisionAsync(options);

        Assert.Equal(0, again.Created);
        Assert.Equal(50, again.PasswordsReset);
        var reset = CredentialsFile.Load(Credentials).Resolve("client_050");
        Assert.NotEqual(creds["client_050"].Password, reset.Password);
        using (LdapSession.Open(Ldaps(), $"{reset.UserName}@lab.test", reset.Password)) { }

        var cleanup = await UserCleanup.CleanupAsync(Ldaps(), ManifestPath);

        Assert.Equal(50, cleanup.UsersDeleted);
        Assert.Equal(1, cleanup.OrganizationalUnitsDeleted);
        Assert.Empty(cleanup.Left);
        Assert.False(File.Exists(ManifestPath));
        Assert.False(File.Exists(Credentials));
        using var admin = LdapSession.Open(Ldaps());
        Assert.False(admin.Exists(_ou));
        Assert.Empty(admin.Search(SambaAdDc.BaseDn, $"(sAMAccountName={creds["client_001"].UserName})",
            System.DirectoryServices.Protocols.SearchScope.Subtree, "1.1")!);
    }

    [RequiresSambaAdDcFact]
    public async Task Dry_run_returns_the_plan_and_changes_nothing()
    {
        var provisioner = new UserProvisioner(Ldaps(), new ActiveDirectoryDialect());

        var plan = await provisioner.ProvisionAsync(Options(3) with { DryRun = true });

        Assert.True(plan.DryRun);
        Assert.Equal(3, plan.Created);
        Assert.Equal([_ou], plan.OrganizationalUnitsCreated);
        Assert.StartsWith("CN=c001", plan.Users[0].Dn, StringComparison.Ordinal);
        Assert.False(File.Exists(Credentials));
        Assert.False(File.Exists(ManifestPath));
        using var admin = LdapSession.Open(Ldaps());
        Assert.False(admin.Exists(_ou));
    }

    [RequiresSambaAdDcFact]
    public async Task StartTls_provisions_and_skip_policy_keeps_known_passwords()
    {
        var target = Ldaps() with { Transport = LdapTransport.StartTls };
        var provisioner = new UserProvisioner(target, new ActiveDirectoryDialect());
        await provisioner.ProvisionAsync(Options(2, "s"));
        var first = CredentialsFile.Load(Credentials).Resolve("client_002");

        var skipped = await provisioner.ProvisionAsync(Options(2, "s") with
        {
            Existing = ExistingUserPolicy.Skip,
            CredentialsInput = Credentials,
        });

        Assert.Equal(2, skipped.Skipped);
        Assert.Equal(first, CredentialsFile.Load(Credentials).Resolve("client_002"));
        using (LdapSession.Open(target, $"{first.UserName}@lab.test", first.Password)) { }
        await UserCleanup.CleanupAsync(target, ManifestPath);
    }

    [RequiresSambaAdDcFact]
    public async Task Wrong_bind_password_is_reported_as_invalid_credentials()
    {
        var provisioner = new UserProvisioner(Ldaps("not-the-password"), new ActiveDirectoryDialect());

        var e = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(Options(1)));

        Assert.Equal(LdapFailure.InvalidCredentials, e.Failure);
        Assert.Contains(SambaAdDc.AdminUpn, e.Message);
        Assert.DoesNotContain("not-the-password", e.ToString());
    }

    [RequiresSambaAdDcFact]
    public async Task Complexity_rejection_is_reported_and_rolls_back_what_the_run_created()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "in.yaml"),
            $"users:\n  - client_id: client_003\n    username: weak{_ou[12..15]}\n    password: \"abc\"\n");
        var provisioner = new UserProvisioner(Ldaps(), new ActiveDirectoryDialect());
        var options = Options(3, "w") with { CredentialsInput = Path.Combine(_dir, "in.yaml"), Parallelism = 1 };

        var e = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(options));

        Assert.Equal(LdapFailure.PasswordPolicy, e.Failure);
        Assert.DoesNotContain("\"abc\"", e.Message);
        using var admin = LdapSession.Open(Ldaps());
        Assert.False(admin.Exists(_ou));
        Assert.False(File.Exists(ManifestPath));
        Assert.False(File.Exists(Credentials));
    }

    [RequiresSambaAdDcFact]
    public async Task An_existing_account_outside_the_base_dn_is_a_name_collision()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "in.yaml"),
            "users:\n  - client_id: client_001\n    username: Administrator\n    password: \"Xy9!Xy9!Xy9!\"\n");
        var provisioner = new UserProvisioner(Ldaps(), new ActiveDirectoryDialect());

        var e = await Assert.ThrowsAsync<ProvisioningException>(() =>
            provisioner.ProvisionAsync(Options(2) with { CredentialsInput = Path.Combine(_dir, "in.yaml") }));

        Assert.Equal(LdapFailure.NameCollision, e.Failure);
        Assert.Contains("CN=Administrator,CN=Users", e.Message);
    }

    [RequiresSambaAdDcFact]
    public async Task Untrusted_certificate_is_a_tls_failure_and_plain_ldap_bind_is_refused()
    {
        var untrusted = new UserProvisioner(Ldaps() with { Trust = LdapCertificateTrust.System }, new ActiveDirectoryDialect());
        var plain = new UserProvisioner(Ldaps() with { Transport = LdapTransport.Plain }, new ActiveDirectoryDialect());

        var tls = await Assert.ThrowsAsync<ProvisioningException>(() => untrusted.ProvisionAsync(Options(1)));
        var refused = await Assert.ThrowsAsync<ProvisioningException>(() => plain.ProvisionAsync(Options(1)));

        Assert.Equal(LdapFailure.TlsFailure, tls.Failure);
        Assert.Equal(LdapFailure.PlainBindRefused, refused.Failure);
    }

    [RequiresSambaAdDcFact]
    public async Task A_non_admin_bind_gets_insufficient_rights_and_nothing_is_left()
    {
        var admin = new UserProvisioner(Ldaps(), new ActiveDirectoryDialect());
        await admin.ProvisionAsync(Options(1, "r"));
        var user = CredentialsFile.Load(Credentials).Resolve("client_001");
        var weak = new UserProvisioner(Ldaps() with { BindDn = $"{user.UserName}@lab.test", BindPassword = user.Password },
            new ActiveDirectoryDialect());
        var otherOu = $"OU=denied-{Guid.NewGuid().ToString("N")[..6]},{SambaAdDc.BaseDn}";

        var e = await Assert.ThrowsAsync<ProvisioningException>(() => weak.ProvisionAsync(Options(2, "d") with
        {
            BaseDn = otherOu,
            CredentialsOutput = Path.Combine(_dir, "other.yaml"),
            ManifestPath = Path.Combine(_dir, "other.json"),
        }));

        Assert.Equal(LdapFailure.InsufficientRights, e.Failure);
        Assert.False(File.Exists(Path.Combine(_dir, "other.json")));
        await UserCleanup.CleanupAsync(Ldaps(), ManifestPath);
    }

    [RequiresSambaAdDcFact]
    public async Task Accounts_join_the_given_group_and_cleanup_leaves_the_group()
    {
        var suffix = _ou[12..18];
        var group = $"CN=smbench-g{suffix},CN=Users,{SambaAdDc.BaseDn}";
        using (var admin = LdapSession.Open(Ldaps()))
            admin.Add(group, new("objectClass", "top", "group"), new("sAMAccountName", $"smbench-g{suffix}"));
        try
        {
            var provisioner = new UserProvisioner(Ldaps(), new ActiveDirectoryDialect());

            var result = await provisioner.ProvisionAsync(Options(2, "g") with { Groups = [group] });

            using var admin = LdapSession.Open(Ldaps());
            var members = admin.Search(group, "(objectClass=*)", System.DirectoryServices.Protocols.SearchScope.Base, "member")![0]
                .Attributes["member"].GetValues(typeof(string)).Cast<string>().ToList();
            Assert.Equal(result.Users.Select(u => u.Dn).Order(StringComparer.OrdinalIgnoreCase),
                members.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

            await UserCleanup.CleanupAsync(Ldaps(), ManifestPath);

            Assert.True(admin.Exists(group));
            Assert.Null(admin.Search(group, "(objectClass=*)", System.DirectoryServices.Protocols.SearchScope.Base, "member")![0]
                .Attributes["member"]);
        }
        finally
        {
            using var admin = LdapSession.Open(Ldaps());
            admin.Delete(group);
        }
    }
}
