using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SMBench.Provisioner.Ldap;

/// <summary>
/// OpenLDAP / RFC 2307: inetOrgPerson + posixAccount entries named by uid, with userPassword stored as a salted
/// SHA-1 ({SSHA}) so the clear password never sits in the directory.
/// </summary>
public sealed class OpenLdapDialect : IDirectoryDialect
{
    /// <summary>uidNumber of the first client; client N gets UidNumberStart + N - 1.</summary>
    public int UidNumberStart { get; init; } = 20000;

    public int GidNumber { get; init; } = 20000;

    public DirectoryKind Kind => DirectoryKind.OpenLdap;

    public string LoginAttribute => "uid";

    public string UserDn(string username, string baseDn) => $"uid={DistinguishedName.EscapeValue(username)},{baseDn}";

    public DirectoryAttribute[] NewUser(NewUserSpec spec) =>
    [
        new("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "posixAccount"),
        new("uid", spec.Username),
        new("cn", spec.Username),
        new("sn", spec.Username),
        new("description", Users.UserDescription.For(spec.ClientId)),
        new("uidNumber", (UidNumberStart + spec.Index - 1).ToString(CultureInfo.InvariantCulture)),
        new("gidNumber", GidNumber.ToString(CultureInfo.InvariantCulture)),
        new("homeDirectory", $"/home/{spec.Username}"),
        new("userPassword", HashPassword(spec.Password)),
    ];

    public DirectoryAttributeModification SetPassword(string password)
    {
        var mod = new DirectoryAttributeModification { Name = "userPassword", Operation = DirectoryAttributeOperation.Replace };
        mod.Add(HashPassword(password));
        return mod;
    }

    public DirectoryAttribute[] NewOrganizationalUnit(string dn)
    {
        var (_, value) = DistinguishedName.FirstRdn(dn);
        return [new("objectClass", "top", "organizationalUnit"), new("ou", value)];
    }

    public string? ValidateUsername(string username)
    {
        if (username.Length == 0) return "a uid cannot be empty";
        foreach (var c in username)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                return "a uid here may only contain ASCII letters, digits, '.', '_' and '-'";
        return null;
    }

    /// <summary>RFC 2307 {SSHA}: base64(SHA1(password + salt) + salt) with an 8-byte random salt.</summary>
    public static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(8);
        var pw = Encoding.UTF8.GetBytes(password);
        var input = new byte[pw.Length + salt.Length];
        pw.CopyTo(input, 0);
        salt.CopyTo(input, pw.Length);
#pragma warning disable CA5350 // {SSHA} is what OpenLDAP verifies without extra modules; SHA-1 is the scheme, not our choice.
        var digest = SHA1.HashData(input);
#pragma warning restore CA5350
        return "{SSHA}" + Convert.ToBase64String([.. digest, .. salt]);
    }
}
