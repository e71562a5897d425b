using System.DirectoryServices.Protocols;
using System.Net;

namespace SMBench.Provisioner.Ldap;

/// <summary>
/// One bound LDAP connection with the target's transport and trust policy. Operations map directory errors to
/// <see cref="ProvisioningException"/>. Not thread-safe: parallel work uses one session per worker.
/// </summary>
public sealed class LdapSession : IDisposable
{
    private readonly LdapConnection _connection;
    public LdapTargetOptions Target { get; }

    private LdapSession(LdapConnection connection, LdapTargetOptions target)
    {
        _connection = connection;
        Target = target;
    }

    /// <summary>Connects and binds; throws a classified <see cref="ProvisioningException"/> on failure.</summary>
    public static LdapSession Open(LdapTargetOptions target) => Open(target, target.BindDn, target.BindPassword);

    /// <summary>Connects and binds as another identity (used to prove a provisioned user's password).</summary>
    public static LdapSession Open(LdapTargetOptions target, string bindDn, string password)
    {
        if (target.Trust == LdapCertificateTrust.CaFile && (target.CaFile == null || !File.Exists(target.CaFile)))
            throw new ProvisioningException(LdapFailure.TlsFailure, $"CA file '{target.CaFile}' does not exist");
        if (!LdapErrors.TcpReachable(target))
            throw new ProvisioningException(LdapFailure.Unreachable,
                $"{target.DisplayUri}: cannot connect (nothing answers on port {target.EffectivePort}); check the host, port and firewall");

        var identifier = new LdapDirectoryIdentifier(target.Host, target.EffectivePort);
        var connection = new LdapConnection(identifier, new NetworkCredential(bindDn, password), AuthType.Basic)
        {
            Timeout = target.Timeout,
            AutoBind = false,
        };
        try
        {
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            if (target.Transport != LdapTransport.Plain)
                LibLdap.ApplyTrust(connection, target.Trust, target.CaFile);
            if (target.Transport == LdapTransport.Ldaps)
                connection.SessionOptions.SecureSocketLayer = true;
            else if (target.Transport == LdapTransport.StartTls)
                StartTls(connection, target);
            connection.Bind();
            return new LdapSession(connection, target);
        }
        catch (LdapException e)
        {
            connection.Dispose();
            throw LdapErrors.Bind(e, e.ErrorCode, target with { BindDn = bindDn });
        }
        catch (DirectoryOperationException e)
        {
            // Refusals such as AD's "strong authentication required" arrive without a response (S.DS.P keeps only the
            // text), so over plain LDAP any refused bind is reported as the missing-TLS case it almost always is.
            connection.Dispose();
            if (e.Response is null && target.Transport == LdapTransport.Plain)
                throw new ProvisioningException(LdapFailure.PlainBindRefused,
                    $"{target.DisplayUri}: the server refused a simple bind over plain LDAP ({e.Message}); use ldaps:// or StartTLS", e);
            throw LdapErrors.Bind(e, (int)(e.Response?.ResultCode ?? ResultCode.Other), target with { BindDn = bindDn });
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void StartTls(LdapConnection connection, LdapTargetOptions target)
    {
        try
        {
            LibLdap.SetUri(connection, $"ldap://{target.Host}:{target.EffectivePort}");
            connection.SessionOptions.StartTransportLayerSecurity(null);
        }
        catch (Exception e) when (e is LdapException or TlsOperationException or DirectoryOperationException)
        {
            if (!LdapErrors.TcpReachable(target))
                throw new ProvisioningException(LdapFailure.Unreachable, $"{target.DisplayUri}: cannot connect ({e.Message})", e);
            throw new ProvisioningException(LdapFailure.TlsFailure,
                $"{target.DisplayUri}: StartTLS failed ({e.Message}); the server may not offer StartTLS or its certificate is not trusted", e);
        }
    }

    /// <summary>Entries matching <paramref name="filter"/> below <paramref name="baseDn"/> (null when the base itself is missing).</summary>
    public IReadOnlyList<SearchResultEntry>? Search(string baseDn, string filter, SearchScope scope, params string[] attributes)
    {
        try
        {
            var response = (SearchResponse)_connection.SendRequest(new SearchRequest(baseDn, filter, scope, attributes));
            return response.Entries.Cast<SearchResultEntry>().ToList();
        }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            return null;
        }
        catch (DirectoryOperationException e)
        {
            throw LdapErrors.Operation(e, "search", baseDn);
        }
    }

    /// <summary>True when an entry exists at exactly <paramref name="dn"/>.</summary>
    public bool Exists(string dn) => Search(dn, "(objectClass=*)", SearchScope.Base, "1.1") is { Count: > 0 };

    public void Add(string dn, params DirectoryAttribute[] attributes)
        => Send(new AddRequest(dn, attributes), "create", dn);

    public void Modify(string dn, params DirectoryAttributeModification[] modifications)
        => Send(new ModifyRequest(dn, modifications), "modify", dn);

    /// <summary>Deletes <paramref name="dn"/>; false when it was already gone.</summary>
    public bool Delete(string dn)
    {
        try
        {
            _connection.SendRequest(new DeleteRequest(dn));
            return true;
        }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode == ResultCode.NoSuchObject)
        {
            return false;
        }
        catch (DirectoryOperationException e)
        {
            throw LdapErrors.Operation(e, "delete", dn);
        }
    }

    private void Send(DirectoryRequest request, string verb, string dn)
    {
        try
        {
            _connection.SendRequest(request);
        }
        catch (DirectoryOperationException e)
        {
            throw LdapErrors.Operation(e, verb, dn);
        }
        catch (LdapException e)
        {
            throw new ProvisioningException(LdapFailure.Unreachable,
                $"{Target.DisplayUri}: connection lost while trying to {verb} '{dn}' ({e.Message})", e);
        }
    }

    public void Dispose() => _connection.Dispose();
}
