namespace SMBench.Smb.Security.Ntlm;

/// <summary>
/// Who logs in. <see cref="Parse"/> accepts "DOMAIN\user", "user@realm" and a bare "user". ToString never shows
/// the password.
/// </summary>
public sealed record NtlmCredential(string UserName, string Domain, string Password, string Workstation = "")
{
    public static NtlmCredential Parse(string user, string? domain, string password)
    {
        var slash = user.IndexOf('\\', StringComparison.Ordinal);
        if (slash >= 0) return new NtlmCredential(user[(slash + 1)..], user[..slash], password);
        var at = user.LastIndexOf('@');
        if (at > 0 && string.IsNullOrEmpty(domain)) return new NtlmCredential(user[..at], user[(at + 1)..], password);
        return new NtlmCredential(user, domain ?? "", password);
    }

    public override string ToString() => Domain.Length > 0 ? $"{Domain}\\{UserName}" : UserName;
}
