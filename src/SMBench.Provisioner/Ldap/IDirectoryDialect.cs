using System.DirectoryServices.Protocols;

namespace SMBench.Provisioner.Ldap;

/// <summary>What differs between Active Directory and OpenLDAP when creating and maintaining users.</summary>
public interface IDirectoryDialect
{
    DirectoryKind Kind { get; }

    /// <summary>Attribute holding the login name (sAMAccountName or uid).</summary>
    string LoginAttribute { get; }

    /// <summary>DN of the user's entry under <paramref name="baseDn"/>.</summary>
    string UserDn(string username, string baseDn);

    /// <summary>Attributes of a new user, password included.</summary>
    DirectoryAttribute[] NewUser(NewUserSpec spec);

    /// <summary>The modification that sets a new password on an existing user.</summary>
    DirectoryAttributeModification SetPassword(string password);

    /// <summary>Attributes of a new organizational unit named by <paramref name="dn"/>'s first RDN.</summary>
    DirectoryAttribute[] NewOrganizationalUnit(string dn);

    /// <summary>Null when <paramref name="username"/> is a valid login name here, else the reason.</summary>
    string? ValidateUsername(string username);
}

/// <summary>Everything a dialect needs to build one user entry.</summary>
/// <param name="Index">1-based position of the client in the provisioning list (OpenLDAP derives uidNumber from it).</param>
public sealed record NewUserSpec(string Username, string Password, string ClientId, int Index, string BaseDn)
{
    public override string ToString() => $"{Username} for {ClientId}";

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Username = ").Append(Username).Append(", ClientId = ").Append(ClientId);
        return true;
    }
}
