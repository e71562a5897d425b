namespace SMBench.Provisioner.Users;

/// <summary>The description every provisioned account carries: tells admins what it is, and tells us it is ours.</summary>
public static class UserDescription
{
    public static string For(string clientId) => $"SMBench replay user for IR client {clientId}";
}
