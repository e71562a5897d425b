using System.Text.Json;
using System.Text.Json.Serialization;

namespace SMBench.Provisioner.Manifest;

/// <summary>
/// What provisioning created, so cleanup removes exactly that and nothing else. Accounts that already existed
/// (and only had their password reset) are not listed. Successive runs merge into one manifest.
/// </summary>
public sealed class ProvisionManifest
{
    public const string DefaultFileName = "provision-manifest.json";

    [JsonPropertyName("version")]
    public int Version { get; set; } = 1;

    [JsonPropertyName("ldap")]
    public LdapSection? Ldap { get; set; }

    [JsonPropertyName("prestate")]
    public PrestateSection? Prestate { get; set; }

    /// <summary>The credentials file, when provisioning created it (not when it overwrote one that existed).</summary>
    [JsonPropertyName("credentials_file")]
    public string? CredentialsFile { get; set; }

    public sealed class LdapSection
    {
        [JsonPropertyName("server")]
        public string Server { get; set; } = "";

        [JsonPropertyName("kind")]
        public string Kind { get; set; } = "";

        [JsonPropertyName("base_dn")]
        public string BaseDn { get; set; } = "";

        /// <summary>OUs created, parents first.</summary>
        [JsonPropertyName("organizational_units")]
        public List<string> OrganizationalUnits { get; set; } = [];

        [JsonPropertyName("users")]
        public List<ManifestUser> Users { get; set; } = [];

        /// <summary>Group memberships added (group DN, member DN).</summary>
        [JsonPropertyName("memberships")]
        public List<ManifestMembership> Memberships { get; set; } = [];
    }

    public sealed record ManifestUser(
        [property: JsonPropertyName("client_id")] string ClientId,
        [property: JsonPropertyName("username")] string Username,
        [property: JsonPropertyName("dn")] string Dn);

    public sealed record ManifestMembership(
        [property: JsonPropertyName("group")] string Group,
        [property: JsonPropertyName("member")] string Member);

    public sealed class PrestateSection
    {
        /// <summary>The share root the paths are relative to (the replay's --root), and the target it was on.</summary>
        [JsonPropertyName("target")]
        public string Target { get; set; } = "";

        [JsonPropertyName("root")]
        public string Root { get; set; } = "";

        /// <summary>Directories created, parents first.</summary>
        [JsonPropertyName("directories")]
        public List<string> Directories { get; set; } = [];

        [JsonPropertyName("files")]
        public List<string> Files { get; set; } = [];
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Loads a manifest; an absent file is an empty manifest.</summary>
    public static async Task<ProvisionManifest> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) return new ProvisionManifest();
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<ProvisionManifest>(stream, JsonOptions, cancellationToken).ConfigureAwait(false)
                   ?? new ProvisionManifest();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a provisioning manifest ({e.Message})", e);
        }
    }

    /// <summary>Writes atomically (temp file + rename); deletes the file instead when nothing is left to track.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        if (IsEmpty)
        {
            File.Delete(path);
            return;
        }
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, this, JsonOptions, cancellationToken).ConfigureAwait(false);
        File.Move(temp, full, overwrite: true);
    }

    [JsonIgnore]
    public bool IsEmpty =>
        (Ldap == null || (Ldap.Users.Count == 0 && Ldap.OrganizationalUnits.Count == 0 && Ldap.Memberships.Count == 0))
        && (Prestate == null || (Prestate.Directories.Count == 0 && Prestate.Files.Count == 0))
        && CredentialsFile == null;
}
