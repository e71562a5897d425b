namespace SMBench.Provisioner.Ldap;

/// <summary>What went wrong talking to the directory, in the terms a user can act on.</summary>
public enum LdapFailure
{
    Unreachable,
    TlsFailure,
    PlainBindRefused,
    InvalidCredentials,
    InsufficientRights,
    PasswordPolicy,
    NameCollision,
    MissingParent,
    InvalidInput,
    Other,
}
