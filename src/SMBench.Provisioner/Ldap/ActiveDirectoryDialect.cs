using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Text;

namespace SMBench.Provisioner.Ldap;

/// <summary>
/// Active Directory (and Samba AD DC): objectClass user with sAMAccountName and userPrincipalName; the password
/// goes in unicodePwd as the UTF-16LE bytes of the password in double quotes, which AD only accepts over TLS;
/// userAccountControl 512 (NORMAL_ACCOUNT) makes the account enabled.
/// </summary>
public sealed class ActiveDirectoryDialect : IDirectoryDialect
{
    private const int NormalAccount = 0x200;
    private static readonly char[] ForbiddenInSamAccountName = "\"/\\[]:;|=,+*?<>@".ToCharArray();

    /// <summary>UPN suffix (e.g. lab.test); derived from the base DN's DC components when null.</summary>
    public string? UpnSuffix { get; init; }

    public DirectoryKind Kind => DirectoryKind.ActiveDirectory;

    public string LoginAttribute => "sAMAccountName";

    public string UserDn(string username, string baseDn) => $"CN={DistinguishedName.EscapeValue(username)},{baseDn}";

    public DirectoryAttribute[] NewUser(NewUserSpec spec)
    {
        var suffix = UpnSuffix ?? DistinguishedName.DnsDomain(spec.BaseDn);
        var attributes = new List<DirectoryAttribute>
        {
            new("objectClass", "top", "person", "organizationalPerson", "user"),
            new("cn", spec.Username),
            new("sAMAccountName", spec.Username),
            new("description", Users.UserDescription.For(spec.ClientId)),
            new("unicodePwd", EncodePassword(spec.Password)),
            new("userAccountControl", NormalAccount.ToString(CultureInfo.InvariantCulture)),
        };
        if (suffix != null) attributes.Add(new DirectoryAttribute("userPrincipalName", $"{spec.Username}@{suffix}"));
        return [.. attributes];
    }

    public DirectoryAttributeModification SetPassword(string password)
    {
        var mod = new DirectoryAttributeModification { Name = "unicodePwd", Operation = DirectoryAttributeOperation.Replace };
        mod.Add(EncodePassword(password));
        return mod;
    }

    public DirectoryAttribute[] NewOrganizationalUnit(string dn)
    {
        var (_, value) = DistinguishedName.FirstRdn(dn);
        return [new("objectClass", "top", "organizationalUnit"), new("ou", value)];
    }

    public string? ValidateUsername(string username)
    {
        if (username.Length is 0 or > 20) return "a sAMAccountName must be 1 to 20 characters";
        if (username.IndexOfAny(ForbiddenInSamAccountName) >= 0) return "a sAMAccountName cannot contain \" / \\ [ ] : ; | = , + * ? < > @";
        if (username.EndsWith('.')) return "a sAMAccountName cannot end with a period";
        return null;
    }

    /// <summary>The unicodePwd value: UTF-16LE of "\"password\"" (MS-ADTS 3.1.1.3.1.5.1).</summary>
    public static byte[] EncodePassword(string password) => Encoding.Unicode.GetBytes("\"" + password + "\"");
}
