namespace SMBench.TestSupport;

/// <summary>
/// A throwaway OpenLDAP server (see docs/lab.md): slapd.conf in a private temp dir, an mdb database, plain LDAP and
/// LDAPS (self-signed certificate made with openssl, also used for StartTLS) on free loopback ports, the base
/// entry and <c>ou=people</c> added. Killed by the pid in its pid file and deleted on dispose.
/// </summary>
public sealed class Slapd : IAsyncDisposable
{
    public const string Suffix = "dc=lab,dc=test";
    public const string AdminDn = "cn=admin,dc=lab,dc=test";
    public const string AdminPassword = "AdminPw1";
    public const string PeopleDn = "ou=people,dc=lab,dc=test";

    public string Root { get; }
    public int Port { get; }
    public int LdapsPort { get; }

    /// <summary>The self-signed server certificate (PEM): the CA file a client trusts for this server.</summary>
    public string CertificatePath => Path.Combine(Root, "cert.pem");
    private string PidPath => Path.Combine(Root, "slapd.pid");
    private string ConfigPath => Path.Combine(Root, "slapd.conf");
    private int? _pid;

    private Slapd(string root, int port, int ldapsPort)
    {
        Root = root;
        Port = port;
        LdapsPort = ldapsPort;
    }

    public static string? Unavailable()
    {
        if (ExternalProcess.Which("slapd") == null) return "slapd is not installed (run scripts/setup-deps.sh)";
        if (ExternalProcess.Which("ldapadd") == null) return "ldap-utils is not installed (run scripts/setup-deps.sh)";
        if (ExternalProcess.Which("openssl") == null) return "openssl is not installed";
        if (!ExternalProcess.IsRoot) return "this slapd fixture runs slapd as root (-u root)";
        return null;
    }

    public static async Task<Slapd> StartAsync()
    {
        var reason = Unavailable();
        if (reason != null) throw new InvalidOperationException(reason);
        var root = Directory.CreateTempSubdirectory("smbench-slapd-").FullName;
        var server = new Slapd(root, FreePort.Next(), FreePort.Next());
        try
        {
            await server.StartCoreAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "db"));
        ExternalProcess.RunChecked("openssl",
            $"req -x509 -newkey rsa:2048 -nodes -keyout {Root}/key.pem -out {CertificatePath} -days 2 " +
            "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1,DNS:localhost");
        await File.WriteAllTextAsync(ConfigPath, $"""
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/nis.schema
            include /etc/ldap/schema/inetorgperson.schema
            pidfile {PidPath}
            modulepath /usr/lib/ldap
            moduleload back_mdb
            TLSCertificateFile {CertificatePath}
            TLSCertificateKeyFile {Root}/key.pem
            database mdb
            suffix "{Suffix}"
            rootdn "{AdminDn}"
            rootpw {AdminPassword}
            directory {Root}/db

            """);
        // slapd daemonizes once it listens and writes its pid file; the pid is what dispose kills.
        ExternalProcess.RunChecked("slapd",
            $"-h \"ldap://127.0.0.1:{Port}/ ldaps://127.0.0.1:{LdapsPort}/\" -f {ConfigPath} -u root -g root");
        for (var i = 0; i < 100 && !File.Exists(PidPath); i++) await Task.Delay(50);
        if (File.Exists(PidPath)) _pid = int.Parse((await File.ReadAllTextAsync(PidPath)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await FreePort.WaitListeningAsync(Port, TimeSpan.FromSeconds(20));
        await FreePort.WaitListeningAsync(LdapsPort, TimeSpan.FromSeconds(20));
        Add($"dn: {Suffix}\nobjectClass: dcObject\nobjectClass: organization\ndc: lab\no: lab\n\n" +
            $"dn: {PeopleDn}\nobjectClass: organizationalUnit\nou: people\n");
    }

    /// <summary>Adds LDIF as the admin over plain LDAP.</summary>
    public string Add(string ldif)
        => ExternalProcess.RunChecked("ldapadd", $"-x -H ldap://127.0.0.1:{Port} -D {AdminDn} -w {AdminPassword}", ldif);

    /// <summary>Proves a password with ldapwhoami, independently of our client.</summary>
    public (int ExitCode, string Output) WhoAmI(string dn, string password)
        => ExternalProcess.Run("ldapwhoami", $"-x -H ldap://127.0.0.1:{Port} -D {dn} -w {password}");

    public async ValueTask DisposeAsync()
    {
        if (_pid is { } pid)
        {
            ExternalProcess.Run("kill", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}"); i++) await Task.Delay(50);
            if (Directory.Exists($"/proc/{pid}"))
                ExternalProcess.Run("kill", $"-KILL {pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
