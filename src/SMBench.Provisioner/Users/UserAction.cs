namespace SMBench.Provisioner.Users;

/// <summary>What provisioning does (or, in a dry run, would do) for one account.</summary>
public enum UserAction
{
    Create,
    ResetPassword,
    Skip,
}
