using System.DirectoryServices.Protocols;
using System.Net.Sockets;

namespace SMBench.Provisioner.Ldap;

/// <summary>Turns libldap/S.DS.P errors into <see cref="ProvisioningException"/>s a user can act on.</summary>
internal static class LdapErrors
{
    private const int LdapInvalidCredentials = 49;
    private const int LdapServerDown = 81;
    private const int LdapTimeout = 85;
    private const int LdapConnectError = 91;

    /// <summary>Classifies a failed connect/bind.</summary>
    public static ProvisioningException Bind(Exception e, int errorCode, LdapTargetOptions target)
    {
        var where = target.DisplayUri;
        switch (errorCode)
        {
            case LdapInvalidCredentials:
                return new ProvisioningException(LdapFailure.InvalidCredentials,
                    $"{where}: the directory rejected the bind as '{target.BindDn}' (invalid credentials); check the bind DN and the password variable", e);
            case (int)ResultCode.StrongAuthRequired:
            case (int)ResultCode.ConfidentialityRequired:
                return new ProvisioningException(LdapFailure.PlainBindRefused,
                    $"{where}: the server requires TLS for a simple bind; use ldaps:// or StartTLS instead of plain LDAP", e);
            case LdapServerDown or LdapTimeout or LdapConnectError:
                if (!TcpReachable(target))
                    return new ProvisioningException(LdapFailure.Unreachable,
                        $"{where}: cannot connect (nothing answers on port {target.EffectivePort}); check the host, port and firewall", e);
                if (target.Transport != LdapTransport.Plain)
                    return new ProvisioningException(LdapFailure.TlsFailure,
                        $"{where}: the TCP connection opened but the TLS handshake failed; the server certificate is probably not trusted " +
                        "(give the CA file, or for a lab's self-signed certificate trust any certificate explicitly)", e);
                return new ProvisioningException(LdapFailure.Unreachable, $"{where}: the LDAP server dropped the connection ({e.Message})", e);
            default:
                return new ProvisioningException(LdapFailure.Other, $"{where}: bind failed: {e.Message} (LDAP error {errorCode})", e);
        }
    }

    /// <summary>Classifies a failed add/modify/delete on <paramref name="dn"/>.</summary>
    public static ProvisioningException Operation(DirectoryOperationException e, string verb, string dn)
    {
        var code = e.Response?.ResultCode ?? ResultCode.Other;
        var serverText = e.Response?.ErrorMessage?.Trim('\0', ' ', '\n');
        var detail = string.IsNullOrEmpty(serverText) ? code.ToString() : $"{code}: {serverText}";
        return code switch
        {
            ResultCode.InsufficientAccessRights => new ProvisioningException(LdapFailure.InsufficientRights,
                $"cannot {verb} '{dn}': the bind account lacks the rights ({detail}); bind as an account allowed to manage users there", e),
            ResultCode.EntryAlreadyExists => new ProvisioningException(LdapFailure.NameCollision,
                $"cannot {verb} '{dn}': an entry with that name already exists ({detail})", e),
            ResultCode.NoSuchObject => new ProvisioningException(LdapFailure.MissingParent,
                $"cannot {verb} '{dn}': its parent does not exist ({detail}); check the base DN", e),
            _ when IsPasswordPolicy(code, serverText) => new ProvisioningException(LdapFailure.PasswordPolicy,
                $"cannot {verb} '{dn}': the directory's password policy rejected the password ({detail}); use a longer or more complex password", e),
            ResultCode.ConstraintViolation or ResultCode.AttributeOrValueExists when serverText?.Contains("sAMAccountName", StringComparison.OrdinalIgnoreCase) == true
                => new ProvisioningException(LdapFailure.NameCollision, $"cannot {verb} '{dn}': the account name is already taken ({detail})", e),
            _ => new ProvisioningException(LdapFailure.Other, $"cannot {verb} '{dn}': {detail}", e),
        };
    }

    // AD reports a rejected password as constraint violation / unwilling to perform with the Windows error
    // 0000052D (ERROR_PASSWORD_RESTRICTION) in the diagnostic text; OpenLDAP's ppolicy uses constraint violation.
    private static bool IsPasswordPolicy(ResultCode code, string? text)
        => code is ResultCode.ConstraintViolation or ResultCode.UnwillingToPerform
           && text != null
           && (text.Contains("0000052D", StringComparison.OrdinalIgnoreCase)
               || text.Contains("password", StringComparison.OrdinalIgnoreCase));

    public static bool TcpReachable(LdapTargetOptions target)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(target.Host, target.EffectivePort).Wait(target.Timeout);
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
