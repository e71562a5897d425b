using System.Diagnostics;
using System.Globalization;
using SMBench.Provisioner.Ldap;
using SMBench.Provisioner.Users;

namespace SMBench.Bench.Provisioner;

/// <summary>
/// Users provisioned per second against a real directory (Samba AD DC in the lab, see docs/benchmarks/provisioner.md):
/// for each parallelism, create N accounts, reset their passwords (the idempotent re-run), then clean up.
/// </summary>
public sealed class UserProvisioningBench : IBenchHarness
{
    public string Name => "provision-users";

    public string Description => "LDAP accounts created/reset per second at several parallelism levels (needs a directory)";

    public async Task<int> RunAsync(string[] args)
    {
        var a = Args.Parse(args);
        if (a.Get("--ldap") is not { } uri || a.Get("--bind-dn") is not { } bindDn || a.Get("--base-dn") is not { } baseDn)
        {
            Console.Error.WriteLine("usage: provision-users --ldap ldaps://127.0.0.1 --bind-dn Administrator@lab.test " +
                "--bind-password-env VAR --base-dn OU=bench,DC=lab,DC=test [--users 200] [--parallelism 1,4,8,16] " +
                "[--trust-any-cert] [--openldap] [--allow-plain]");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable(a.Get("--bind-password-env") ?? "SMBENCH_BIND_PW");
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("the bind password variable (--bind-password-env) is not set");
            return 2;
        }
        var target = LdapTargetOptions.FromUri(uri, bindDn, password, a.Has("--allow-plain"),
            a.Has("--trust-any-cert") ? LdapCertificateTrust.AnyCertificate : LdapCertificateTrust.System);
        IDirectoryDialect dialect = a.Has("--openldap") ? new OpenLdapDialect() : new ActiveDirectoryDialect();
        var users = int.Parse(a.Get("--users") ?? "200", CultureInfo.InvariantCulture);
        var levels = (a.Get("--parallelism") ?? "1,4,8,16").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();

        var work = Directory.CreateTempSubdirectory("smbench-bench-prov-").FullName;
        try
        {
            Console.WriteLine($"{users} accounts per run, {target}");
            Console.WriteLine($"{"parallelism",11} {"create/s",10} {"reset/s",10} {"cleanup/s",10}");
            foreach (var level in levels)
            {
                var options = new UserProvisioningOptions
                {
                    ClientIds = [.. Enumerable.Range(1, users).Select(i => $"bench_{i:0000}")],
                    BaseDn = baseDn,
                    NameTemplate = new UserNameTemplate($"b{level}x{{index:0000}}"),
                    CredentialsOutput = Path.Combine(work, "creds.yaml"),
                    ManifestPath = Path.Combine(work, "manifest.json"),
                    Parallelism = level,
                };
                var provisioner = new UserProvisioner(target, dialect);
                var created = await provisioner.ProvisionAsync(options).ConfigureAwait(false);
                var reset = await provisioner.ProvisionAsync(options).ConfigureAwait(false);
                var sw = Stopwatch.StartNew();
                var cleanup = await UserCleanup.CleanupAsync(target, options.ManifestPath).ConfigureAwait(false);
                var cleanupRate = cleanup.UsersDeleted / sw.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{level,11} {created.Created / created.Elapsed.TotalSeconds,10:F1} {reset.PasswordsReset / reset.Elapsed.TotalSeconds,10:F1} {cleanupRate,10:F1}"));
            }
        }
        finally
        {
            Directory.Delete(work, true);
        }
        return 0;
    }

    private sealed class Args
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public static Args Parse(string[] args)
        {
            var result = new Args();
            for (var i = 0; i < args.Length; i++)
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                result._values[args[i]] = hasValue ? args[++i] : null;
            }
            return result;
        }

        public string? Get(string name) => _values.GetValueOrDefault(name);

        public bool Has(string name) => _values.ContainsKey(name);
    }
}
