using SMBench.Core.Credentials;

namespace SMBench.Daemon.Cli;

/// <summary>
/// Who each simulated client logs in as: a credentials file (client_id → user, password from env or file) or one
/// --user for everybody with its password in an environment variable. Passwords never come from the command line.
/// </summary>
public sealed record CredentialOptions(string? User, string PasswordEnv, string? CredentialsFile)
{
    public const string DefaultPasswordEnv = "SMBENCH_PASSWORD";

    public Func<string, Credential> CreateResolver()
    {
        if (CredentialsFile != null)
        {
            var file = Core.Credentials.CredentialsFile.Load(CredentialsFile);
            return file.Resolve;
        }
        if (User == null)
            throw new FormatException("the smb backend needs --user U (password in $" + PasswordEnv + ") or --credentials creds.yaml");
        var password = Environment.GetEnvironmentVariable(PasswordEnv);
        if (string.IsNullOrEmpty(password))
            throw new FormatException($"environment variable {PasswordEnv} (the password of {User}) is not set");
        var (domain, name) = Split(User);
        var credential = new Credential(domain, name, password);
        return _ => credential;
    }

    /// <summary>DOMAIN\user, user@realm or plain user.</summary>
    public static (string? Domain, string User) Split(string user)
    {
        var backslash = user.IndexOf('\\');
        if (backslash > 0) return (user[..backslash], user[(backslash + 1)..]);
        var at = user.LastIndexOf('@');
        return at > 0 ? (user[(at + 1)..], user[..at]) : (null, user);
    }
}
