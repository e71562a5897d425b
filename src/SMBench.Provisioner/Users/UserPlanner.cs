using System.DirectoryServices.Protocols;
using SMBench.Core.Credentials;
using SMBench.Provisioner.Ldap;

namespace SMBench.Provisioner.Users;

/// <summary>
/// Works out, before anything is changed, which accounts to create, which exist, which OUs are missing, and
/// refuses inputs that would fail half-way (bad or colliding names, accounts elsewhere in the directory).
/// </summary>
internal static class UserPlanner
{
    private const int FilterChunk = 50;

    public static List<DesiredUser> Desired(UserProvisioningOptions options, CredentialsFile? input, IDirectoryDialect dialect)
    {
        if (options.ClientIds.Count == 0) throw Invalid("no IR clients to provision");
        var duplicates = options.ClientIds.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) throw Invalid($"client ids listed twice: {string.Join(", ", duplicates)}");

        var users = new List<DesiredUser>(options.ClientIds.Count);
        for (var i = 0; i < options.ClientIds.Count; i++)
        {
            var clientId = options.ClientIds[i];
            var entry = input?.FindEntry(clientId);
            DesiredUser user;
            if (entry == null)
            {
                user = new DesiredUser(clientId, i + 1, options.NameTemplate.Format(i + 1, clientId), null, null);
            }
            else
            {
                // Resolve now so a missing password variable stops us before the directory is touched.
                var credential = input!.Resolve(clientId);
                user = new DesiredUser(clientId, i + 1, credential.UserName, credential.Password, entry.PasswordEnv);
            }
            if (dialect.ValidateUsername(user.Username) is { } reason)
                throw Invalid($"account name '{user.Username}' for client '{clientId}' is not valid: {reason}");
            user.Dn = dialect.UserDn(user.Username, options.BaseDn);
            users.Add(user);
        }

        var collisions = users.GroupBy(u => u.Username, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        if (collisions.Count > 0)
            throw new ProvisioningException(LdapFailure.NameCollision,
                "several clients would share one account: " + string.Join("; ", collisions.Select(g =>
                    $"'{g.Key}' ← {string.Join(", ", g.Select(u => u.ClientId))}")));
        return users;
    }

    /// <summary>The OUs of <paramref name="baseDn"/> that do not exist yet, parents first.</summary>
    public static List<string> MissingContainers(LdapSession session, string baseDn)
    {
        var missing = new List<string>();
        for (var dn = baseDn; dn != null; dn = DistinguishedName.Parent(dn))
        {
            if (session.Exists(dn)) break;
            var (type, _) = DistinguishedName.FirstRdn(dn);
            if (!type.Equals("ou", StringComparison.OrdinalIgnoreCase))
                throw new ProvisioningException(LdapFailure.MissingParent,
                    $"base DN '{baseDn}': '{dn}' does not exist and only OU= containers are created automatically");
            if (DistinguishedName.Parent(dn) == null)
                throw new ProvisioningException(LdapFailure.MissingParent, $"base DN '{baseDn}': no part of it exists in the directory");
            missing.Insert(0, dn);
        }
        return missing;
    }

    /// <summary>Marks existing accounts per policy; an account of the same name elsewhere is a collision.</summary>
    public static void ClassifyExisting(LdapSession session, IDirectoryDialect dialect, List<DesiredUser> users,
        UserProvisioningOptions options)
    {
        var root = DistinguishedName.DomainRoot(options.BaseDn);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in users.Chunk(FilterChunk))
        {
            var filter = "(|" + string.Concat(chunk.Select(u => $"({dialect.LoginAttribute}={DistinguishedName.EscapeFilter(u.Username)})")) + ")";
            var entries = session.Search(root, filter, SearchScope.Subtree, dialect.LoginAttribute)
                ?? throw new ProvisioningException(LdapFailure.MissingParent, $"naming context '{root}' does not exist on {session.Target.DisplayUri}");
            foreach (var entry in entries)
            {
                var values = entry.Attributes[dialect.LoginAttribute]?.GetValues(typeof(string)) ?? [];
                foreach (string login in values) found[login] = entry.DistinguishedName;
            }
        }

        var elsewhere = new List<string>();
        var unknownPassword = new List<string>();
        foreach (var user in users)
        {
            if (!found.TryGetValue(user.Username, out var dn)) continue;
            if (!DistinguishedName.AreEqual(dn, user.Dn))
            {
                elsewhere.Add($"'{user.Username}' (client '{user.ClientId}') exists at '{dn}'");
                continue;
            }
            user.Dn = dn;
            user.Action = options.Existing == ExistingUserPolicy.Skip ? UserAction.Skip : UserAction.ResetPassword;
            if (user.Action == UserAction.Skip && user.Password == null) unknownPassword.Add(user.Username);
        }
        if (elsewhere.Count > 0)
            throw new ProvisioningException(LdapFailure.NameCollision,
                $"accounts with these names already exist outside '{options.BaseDn}', so they are not ours to change: " +
                string.Join("; ", elsewhere) + ". Use another name template or base DN.");
        var existing = users.Where(u => u.Action != UserAction.Create).Select(u => u.Username).ToList();
        if (options.Existing == ExistingUserPolicy.Fail && existing.Count > 0)
            throw new ProvisioningException(LdapFailure.NameCollision,
                $"{existing.Count} account(s) already exist under '{options.BaseDn}' ({string.Join(", ", existing.Take(10))}…) and the policy is to fail");
        if (unknownPassword.Count > 0)
            throw new ProvisioningException(LdapFailure.InvalidInput,
                $"{unknownPassword.Count} existing account(s) would be skipped but their passwords are unknown " +
                $"({string.Join(", ", unknownPassword.Take(10))}); pass the credentials file from the earlier run as input, or reset passwords");
    }

    private static ProvisioningException Invalid(string message) => new(LdapFailure.InvalidInput, message);
}
