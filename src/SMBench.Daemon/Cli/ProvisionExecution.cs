using SMBench.Core.Ir.Validation;
using SMBench.Provisioner.Ldap;
using SMBench.Provisioner.Prestate;
using SMBench.Provisioner.Users;
using SMBench.Smb.Protocol;

namespace SMBench.Daemon.Cli;

/// <summary>Runs <c>smbench provision</c>: users first (the credentials file), then the share pre-state.</summary>
internal static class ProvisionExecution
{
    public const string UsersManifest = "provision-users.json";
    public const string PrestateManifest = "provision-prestate.json";

    public static async Task<int> RunAsync(ProvisionCliOptions o, CancellationToken ct)
    {
        try
        {
            if (o.Ldap == null && o.Target == null)
                throw new FormatException("nothing to do: give --ldap (accounts) and/or --target (share pre-state)");
            var report = new WorkloadValidator().Validate(o.Workload);
            if (!report.IsValid) throw new FormatException(report.Errors[0].Message);
            var workloadDir = Path.GetDirectoryName(report.File)!;
            if (o.Ldap != null) await UsersAsync(o, report.ClientIds, workloadDir, ct);
            if (o.Target != null) await PrestateAsync(o, workloadDir, ct);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is FormatException or ProvisioningException or Core.Credentials.CredentialsException
                                       or ArgumentException)
        {
            Console.Error.WriteLine($"smbench: {e.Message}");
            return e is ProvisioningException ? ExitCodes.Unreachable : ExitCodes.Usage;
        }
        catch (Exception e) when (e is SmbStatusException or IOException)
        {
            Console.Error.WriteLine($"smbench: the share could not be prepared: {e.Message}");
            return ExitCodes.Unreachable;
        }
    }

    private static async Task UsersAsync(ProvisionCliOptions o, IReadOnlyList<string> clientIds, string workloadDir, CancellationToken ct)
    {
        var bindPassword = Environment.GetEnvironmentVariable(o.BindPasswordEnv);
        if (string.IsNullOrEmpty(bindPassword)) throw new FormatException($"environment variable {o.BindPasswordEnv} (the bind password) is not set");
        if (o.BindDn == null) throw new FormatException("--ldap needs --bind-dn");
        var trust = o.TrustAny ? LdapCertificateTrust.AnyCertificate : o.CaFile != null ? LdapCertificateTrust.CaFile : LdapCertificateTrust.System;
        var target = LdapTargetOptions.FromUri(o.Ldap!, o.BindDn, bindPassword, o.AllowPlain, trust, o.CaFile);
        var manifest = Path.Combine(workloadDir, UsersManifest);
        if (o.Cleanup)
        {
            var removed = await UserCleanup.CleanupAsync(target, manifest, ct);
            Console.WriteLine($"accounts: {removed.UsersDeleted} deleted, {removed.UsersAlreadyGone} already gone, {removed.OrganizationalUnitsDeleted} OUs removed");
            return;
        }
        if (o.BaseDn == null) throw new FormatException("--ldap needs --base-dn");
        IDirectoryDialect dialect = o.Directory == "openldap" ? new OpenLdapDialect() : new ActiveDirectoryDialect();
        var credentials = o.Credentials ?? Path.Combine(workloadDir, "credentials.yaml");
        var result = await LiveProgress.RunAsync("accounts", false, progress => new UserProvisioner(target, dialect).ProvisionAsync(new UserProvisioningOptions
        {
            ClientIds = clientIds,
            BaseDn = o.BaseDn,
            NameTemplate = new UserNameTemplate(o.NameTemplate),
            CredentialsInput = o.Credentials != null && File.Exists(o.Credentials) ? o.Credentials : null,
            CredentialsOutput = credentials,
            ManifestPath = manifest,
            LoginDomain = o.Domain,
            Existing = o.Existing switch { "skip" => ExistingUserPolicy.Skip, "fail" => ExistingUserPolicy.Fail, _ => ExistingUserPolicy.ResetPassword },
            Parallelism = o.Parallelism,
            DryRun = o.DryRun,
        }, new AccountProgressAdapter(progress), ct));
        if (o.DryRun)
            foreach (var u in result.Users) Console.WriteLine($"plan: {u.Action} {u}");
        Console.WriteLine($"accounts on {target.DisplayUri}: {result.Created} created, {result.PasswordsReset} passwords reset, {result.Skipped} skipped" +
            $" in {result.Elapsed.TotalSeconds:0.0} s{(o.DryRun ? " (dry run: nothing changed)" : $"; credentials for the replay: {credentials}")}");
    }

    private static async Task PrestateAsync(ProvisionCliOptions o, string workloadDir, CancellationToken ct)
    {
        var spec = TargetSpec.Parse(o.Target!);
        if (spec.Scheme != "smb") throw new FormatException("--target must be smb://host[:port]/share");
        var credential = new CredentialOptions(o.User, o.PasswordEnv, o.Credentials).CreateResolver()("default");
        var prestatePath = Path.Combine(workloadDir, PrestateDocument.FileName);
        var manifest = Path.Combine(workloadDir, PrestateManifest);
        await using var writer = await SmbShareWriter.ConnectAsync(spec.Host!, spec.Port, spec.Share!, credential, cancellationToken: ct);
        var provisioner = new PrestateProvisioner(writer);
        if (o.Cleanup)
        {
            var removed = await provisioner.CleanupAsync(manifest, ct);
            Console.WriteLine($"pre-state: {removed.Count} entries removed");
            return;
        }
        if (!File.Exists(prestatePath))
        {
            Console.WriteLine($"pre-state: {prestatePath} does not exist; nothing to create");
            return;
        }
        var document = await PrestateDocument.LoadAsync(prestatePath, ct);
        var total = document.Files.Count + document.Directories.Count;
        var done = 0;
        var result = await LiveProgress.RunAsync("pre-state", false, progress => provisioner.ProvisionAsync(document,
            o.Root is null or "/" ? "" : o.Root, manifest, o.DryRun, o.Parallelism,
            new SynchronousReporter<string>(path => progress.Report(new ProgressStep(Interlocked.Increment(ref done), total, path))), ct));
        Console.WriteLine($"pre-state on {spec}: {result.DirectoriesCreated} folders and {result.FilesCreated} files created, " +
            $"{result.FilesResized} resized, {result.Existed} already there{(o.DryRun ? " (dry run)" : "")}");
    }
}

/// <summary>Account progress as a progress step.</summary>
internal sealed class AccountProgressAdapter(IProgress<ProgressStep> target) : IProgress<ProvisionProgress>
{
    public void Report(ProvisionProgress p) => target.Report(new ProgressStep(p.Done, p.Total, $"{p.Done}/{p.Total} ({p.Action} {p.Username})"));
}

internal sealed class SynchronousReporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
