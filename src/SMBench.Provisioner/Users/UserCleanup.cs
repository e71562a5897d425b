using System.DirectoryServices.Protocols;
using SMBench.Provisioner.Ldap;
using SMBench.Provisioner.Manifest;

namespace SMBench.Provisioner.Users;

/// <summary>Outcome of a cleanup: what was removed and what had to stay (e.g. an OU someone else put entries in).</summary>
public sealed record UserCleanupResult(int UsersDeleted, int UsersAlreadyGone, int OrganizationalUnitsDeleted,
    IReadOnlyList<string> Left);

/// <summary>Removes exactly the accounts, memberships and OUs a manifest says provisioning created.</summary>
public static class UserCleanup
{
    public static async Task<UserCleanupResult> CleanupAsync(LdapTargetOptions target, string manifestPath,
        CancellationToken cancellationToken = default)
    {
        var manifest = await ProvisionManifest.LoadAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        var ldap = manifest.Ldap;
        int deleted = 0, gone = 0, ous = 0;
        var left = new List<string>();
        if (ldap != null)
        {
            using var session = LdapSession.Open(target);
            foreach (var m in ldap.Memberships) TryRemoveMember(session, m);
            ldap.Memberships.Clear();
            foreach (var user in ldap.Users.ToList())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (session.Delete(user.Dn)) deleted++;
                else gone++;
                ldap.Users.Remove(user);
            }
            foreach (var ou in Enumerable.Reverse(ldap.OrganizationalUnits).ToList())
            {
                try
                {
                    session.Delete(ou);
                    ous++;
                    ldap.OrganizationalUnits.Remove(ou);
                }
                catch (ProvisioningException e) when (e.InnerException is DirectoryOperationException { Response.ResultCode: ResultCode.NotAllowedOnNonLeaf })
                {
                    left.Add($"{ou} (not empty: holds entries provisioning did not create)");
                }
            }
            if (ldap.Users.Count == 0 && ldap.OrganizationalUnits.Count == 0) manifest.Ldap = null;
        }
        if (manifest.CredentialsFile != null)
        {
            File.Delete(manifest.CredentialsFile);
            manifest.CredentialsFile = null;
        }
        await manifest.SaveAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        return new UserCleanupResult(deleted, gone, ous, left);
    }

    internal static void TryRemoveMember(LdapSession session, ProvisionManifest.ManifestMembership membership)
    {
        var remove = new DirectoryAttributeModification { Name = "member", Operation = DirectoryAttributeOperation.Delete };
        remove.Add(membership.Member);
        try
        {
            session.Modify(membership.Group, remove);
        }
        catch (ProvisioningException e) when (e.InnerException is DirectoryOperationException
            { Response.ResultCode: ResultCode.NoSuchAttribute or ResultCode.NoSuchObject or ResultCode.UnwillingToPerform })
        {
            // Already gone (AD drops memberships with the member; someone removed the group).
        }
    }
}
