namespace SMBench.Core.Credentials;

/// <summary>
/// The login one simulated client uses: NTLM domain (may be empty), user name and password. The password never
/// appears in <see cref="ToString"/>, so logging or interpolating a credential cannot leak it.
/// </summary>
public sealed record Credential(string? Domain, string UserName, string Password)
{
    /// <summary>"DOMAIN\user" or just "user"; what a log line or error message may show.</summary>
    public string DisplayName => string.IsNullOrEmpty(Domain) ? UserName : $"{Domain}\\{UserName}";

    public override string ToString() => $"{DisplayName} (password redacted)";

    // Records print every property in their generated ToString/PrintMembers; keep the password out of both.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Domain = ").Append(Domain).Append(", UserName = ").Append(UserName)
            .Append(", Password = ***");
        return true;
    }
}
