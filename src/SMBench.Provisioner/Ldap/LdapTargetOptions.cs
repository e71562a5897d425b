namespace SMBench.Provisioner.Ldap;

/// <summary>Where and how to reach the directory, and who to bind as.</summary>
public sealed record LdapTargetOptions
{
    /// <summary>Server host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port; 636 for LDAPS, 389 otherwise when left at 0.</summary>
    public int Port { get; init; }

    public LdapTransport Transport { get; init; } = LdapTransport.Ldaps;

    public LdapCertificateTrust Trust { get; init; } = LdapCertificateTrust.System;

    /// <summary>PEM CA bundle used when <see cref="Trust"/> is <see cref="LdapCertificateTrust.CaFile"/>.</summary>
    public string? CaFile { get; init; }

    /// <summary>Bind identity: a DN, or for AD also a UPN such as Administrator@lab.test.</summary>
    public required string BindDn { get; init; }

    public required string BindPassword { get; init; }

    /// <summary>Time allowed to connect and for each operation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public int EffectivePort => Port != 0 ? Port : Transport == LdapTransport.Ldaps ? 636 : 389;

    /// <summary>URI form for messages and the manifest (never contains credentials).</summary>
    public string DisplayUri => $"{(Transport == LdapTransport.Ldaps ? "ldaps" : "ldap")}://{Host}:{EffectivePort}";

    /// <summary>
    /// Parses <c>ldaps://host[:port]</c> or <c>ldap://host[:port]</c>. ldap:// means StartTLS unless
    /// <paramref name="allowPlain"/> is set, because a simple bind must not cross the network in clear by accident.
    /// </summary>
    public static LdapTargetOptions FromUri(string uri, string bindDn, string bindPassword, bool allowPlain = false,
        LdapCertificateTrust trust = LdapCertificateTrust.System, string? caFile = null)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || (u.Scheme != "ldaps" && u.Scheme != "ldap"))
            throw new ArgumentException($"'{uri}' is not an ldaps:// or ldap:// URI", nameof(uri));
        var transport = u.Scheme == "ldaps" ? LdapTransport.Ldaps : allowPlain ? LdapTransport.Plain : LdapTransport.StartTls;
        return new LdapTargetOptions
        {
            Host = u.Host,
            Port = u.IsDefaultPort || u.Port <= 0 ? 0 : u.Port,
            Transport = transport,
            Trust = trust,
            CaFile = caFile,
            BindDn = bindDn,
            BindPassword = bindPassword,
        };
    }

    // A record's generated ToString would print BindPassword.
    public override string ToString() => $"{DisplayUri} ({Transport}, trust {Trust}) as {BindDn}";
}
