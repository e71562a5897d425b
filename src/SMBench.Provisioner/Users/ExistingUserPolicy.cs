namespace SMBench.Provisioner.Users;

/// <summary>What to do when a user we would create already exists under the base DN.</summary>
public enum ExistingUserPolicy
{
    /// <summary>Set the password again (the credentials file then matches the directory). The default.</summary>
    ResetPassword,

    /// <summary>Leave the account alone; its password is only known if the input credentials file has it.</summary>
    Skip,

    /// <summary>Stop before changing anything.</summary>
    Fail,
}
