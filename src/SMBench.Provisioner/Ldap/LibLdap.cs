using System.Reflection;
using System.Runtime.InteropServices;

namespace SMBench.Provisioner.Ldap;

/// <summary>
/// The few libldap options System.DirectoryServices.Protocols does not expose on Linux: the certificate check
/// policy and a CA file. They are set on the connection's own handle, then a new TLS context is started so they
/// apply to that connection only (libldap otherwise shares one global context).
/// </summary>
internal static partial class LibLdap
{
    private const string Library = "ldap";
    private const int LdapOptXTlsRequireCert = 0x6006;
    private const int LdapOptXTlsCaCertFile = 0x6002;
    private const int LdapOptUri = 0x5006;
    private const int LdapOptXTlsNever = 0;
    private const int LdapOptXTlsDemand = 2;

    // Same probe order as System.DirectoryServices.Protocols, so both talk to the same loaded libldap.
    private static readonly string[] Candidates = ["libldap-2.5.so.0", "libldap-2.6.so.0", "libldap-2.4.so.2", "libldap.so.2"];

    static LibLdap()
    {
        NativeLibrary.SetDllImportResolver(typeof(LibLdap).Assembly, (name, _, _) =>
        {
            if (name != Library) return IntPtr.Zero;
            foreach (var candidate in Candidates)
                if (NativeLibrary.TryLoad(candidate, out var handle)) return handle;
            return IntPtr.Zero;
        });
    }

    [LibraryImport(Library, EntryPoint = "ldap_set_option")]
    private static partial int SetIntOption(IntPtr ld, int option, ref int value);

    [LibraryImport(Library, EntryPoint = "ldap_set_option", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetStringOption(IntPtr ld, int option, string value);

    private static readonly FieldInfo? HandleField =
        typeof(System.DirectoryServices.Protocols.LdapConnection).GetField("_ldapHandle", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>Applies the trust policy to one connection before it connects.</summary>
    public static void ApplyTrust(System.DirectoryServices.Protocols.LdapConnection connection, LdapCertificateTrust trust, string? caFile)
    {
        if (trust == LdapCertificateTrust.System) return;
        WithHandle(connection, ld =>
        {
            int rc;
            if (trust == LdapCertificateTrust.AnyCertificate)
            {
                var never = LdapOptXTlsNever;
                rc = SetIntOption(ld, LdapOptXTlsRequireCert, ref never);
            }
            else
            {
                var demand = LdapOptXTlsDemand;
                rc = SetIntOption(ld, LdapOptXTlsRequireCert, ref demand);
                if (rc == 0) rc = SetStringOption(ld, LdapOptXTlsCaCertFile, caFile!);
            }
            if (rc != 0)
                throw new ProvisioningException(LdapFailure.TlsFailure, $"libldap refused the TLS trust option (error {rc})");
        });
        connection.SessionOptions.StartNewTlsSessionContext();
    }

    /// <summary>
    /// Sets the server URI. S.DS.P only sets it when it connects for the bind, so a StartTLS issued before the bind
    /// would otherwise go to libldap's default (ldap://localhost:389).
    /// </summary>
    public static void SetUri(System.DirectoryServices.Protocols.LdapConnection connection, string uri)
        => WithHandle(connection, ld =>
        {
            var rc = SetStringOption(ld, LdapOptUri, uri);
            if (rc != 0) throw new ProvisioningException(LdapFailure.InvalidInput, $"libldap refused the URI '{uri}' (error {rc})");
        });

    private static void WithHandle(System.DirectoryServices.Protocols.LdapConnection connection, Action<IntPtr> action)
    {
        var handle = HandleField?.GetValue(connection) as SafeHandle
            ?? throw new ProvisioningException(LdapFailure.TlsFailure,
                "this .NET runtime's LDAP client does not expose its native handle, so StartTLS to a non-default port, a CA file " +
                "or trust-any-certificate cannot be set up; use ldaps:// and the system CA store instead");
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            action(handle.DangerousGetHandle());
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }
}
