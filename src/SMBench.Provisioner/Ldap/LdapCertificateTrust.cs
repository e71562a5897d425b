namespace SMBench.Provisioner.Ldap;

/// <summary>Which server certificates a TLS connection accepts.</summary>
public enum LdapCertificateTrust
{
    /// <summary>The system's CA store (libldap's defaults, /etc/ldap/ldap.conf).</summary>
    System,

    /// <summary>Only certificates chaining to the CA in <see cref="LdapTargetOptions.CaFile"/>.</summary>
    CaFile,

    /// <summary>Any certificate, unchecked. Labs only (e.g. Samba's self-signed AD DC certificate).</summary>
    AnyCertificate,
}
