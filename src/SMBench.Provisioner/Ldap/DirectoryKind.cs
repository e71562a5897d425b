namespace SMBench.Provisioner.Ldap;

/// <summary>The directory's flavour decides the object classes and how a password is set.</summary>
public enum DirectoryKind
{
    /// <summary>Active Directory or Samba AD DC: user objects, sAMAccountName, unicodePwd over TLS.</summary>
    ActiveDirectory,

    /// <summary>OpenLDAP (or any RFC 2307 directory): inetOrgPerson + posixAccount with userPassword.</summary>
    OpenLdap,
}
