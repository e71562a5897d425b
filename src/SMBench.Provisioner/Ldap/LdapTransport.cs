namespace SMBench.Provisioner.Ldap;

/// <summary>How the LDAP connection is protected. Passwords travel in binds and in AD's unicodePwd, so TLS is the norm.</summary>
public enum LdapTransport
{
    /// <summary>TLS from the first byte (ldaps://, port 636 by default).</summary>
    Ldaps,

    /// <summary>Plain connection upgraded with the StartTLS extended operation before the bind (ldap://, 389).</summary>
    StartTls,

    /// <summary>No TLS at all; only with an explicit opt-in (labs, OpenLDAP on loopback).</summary>
    Plain,
}
