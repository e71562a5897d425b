namespace SMBench.Provisioner.Ldap;

/// <summary>
/// Provisioning stopped; <see cref="Failure"/> says why and the message says where and what to do. Messages never
/// carry a password.
/// </summary>
public sealed class ProvisioningException : Exception
{
    public LdapFailure Failure { get; }

    public ProvisioningException(LdapFailure failure, string message, Exception? inner = null) : base(message, inner)
    {
        Failure = failure;
    }

    public ProvisioningException() : this(LdapFailure.Other, "provisioning failed") { }

    public ProvisioningException(string message) : this(LdapFailure.Other, message) { }

    public ProvisioningException(string message, Exception inner) : this(LdapFailure.Other, message, inner) { }
}
