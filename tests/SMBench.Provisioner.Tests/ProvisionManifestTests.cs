using SMBench.Provisioner.Manifest;
using Xunit;

namespace SMBench.Provisioner.Tests;

public sealed class ProvisionManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-manifest-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public async Task Round_trips_with_snake_case_keys_and_an_empty_manifest_deletes_its_file()
    {
        var path = Path.Combine(_dir, ProvisionManifest.DefaultFileName);
        var manifest = new ProvisionManifest
        {
            Ldap = new ProvisionManifest.LdapSection
            {
                Server = "ldaps://127.0.0.1:636",
                Kind = "ActiveDirectory",
                BaseDn = "OU=x,DC=lab,DC=test",
                OrganizationalUnits = ["OU=x,DC=lab,DC=test"],
                Users = [new ProvisionManifest.ManifestUser("client_001", "smb001", "CN=smb001,OU=x,DC=lab,DC=test")],
            },
        };

        await manifest.SaveAsync(path);
        var text = await File.ReadAllTextAsync(path);
        var loaded = await ProvisionManifest.LoadAsync(path);

        Assert.Contains("\"organizational_units\"", text);
        Assert.Contains("\"client_id\": \"client_001\"", text);
        Assert.Equal("CN=smb001,OU=x,DC=lab,DC=test", loaded.Ldap!.Users[0].Dn);

        loaded.Ldap = null;
        await loaded.SaveAsync(path);
        Assert.False(File.Exists(path));
        Assert.True((await ProvisionManifest.LoadAsync(path)).IsEmpty);
    }
}
