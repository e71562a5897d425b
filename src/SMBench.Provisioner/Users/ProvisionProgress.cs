namespace SMBench.Provisioner.Users;

/// <summary>Reported after each account is handled.</summary>
public sealed record ProvisionProgress(int Done, int Total, string Username, UserAction Action);
