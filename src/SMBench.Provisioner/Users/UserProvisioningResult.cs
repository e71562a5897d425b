namespace SMBench.Provisioner.Users;

/// <summary>What provisioning did (or would do, for a dry run).</summary>
public sealed record UserProvisioningResult(
    IReadOnlyList<PlannedUser> Users,
    IReadOnlyList<string> OrganizationalUnitsCreated,
    bool DryRun,
    TimeSpan Elapsed)
{
    public int Created => Users.Count(u => u.Action == UserAction.Create);
    public int PasswordsReset => Users.Count(u => u.Action == UserAction.ResetPassword);
    public int Skipped => Users.Count(u => u.Action == UserAction.Skip);
}
