namespace SMBench.Provisioner.Users;

/// <summary>An account as planned, before the directory is asked. Password null = generate one.</summary>
internal sealed class DesiredUser(string clientId, int index, string username, string? password, string? passwordEnv)
{
    public string ClientId { get; } = clientId;
    public int Index { get; } = index;
    public string Username { get; } = username;
    public string? Password { get; set; } = password;
    public string? PasswordEnv { get; } = passwordEnv;
    public string Dn { get; set; } = "";
    public UserAction Action { get; set; } = UserAction.Create;

    public override string ToString() => $"{Username} ({ClientId})";
}
