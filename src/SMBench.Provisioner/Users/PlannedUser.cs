namespace SMBench.Provisioner.Users;

/// <summary>One line of the plan: the IR client, its account and what happens to it. No password here.</summary>
public sealed record PlannedUser(string ClientId, string Username, string Dn, UserAction Action, bool PasswordFromEnv);
