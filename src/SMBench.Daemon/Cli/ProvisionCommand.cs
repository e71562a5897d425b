using System.CommandLine;

namespace SMBench.Daemon.Cli;

/// <summary>
/// <c>smbench provision</c>: directory accounts for the workload's clients (LDAP: Active Directory or OpenLDAP) and
/// the share pre-state from the compiler's prestate.json, under the same --root the replay will use.
/// </summary>
internal static class ProvisionCommand
{
    public static Command Create()
    {
        var workload = new Argument<string>("workload") { Description = "Workload directory" };
        var target = new Option<string?>("--target") { Description = "smb://host[:port]/share for the pre-state" };
        var root = new Option<string?>("--root") { Description = "Folder under the share (the replay's --root; '/' for the share root)" };
        var user = new Option<string?>("--user") { Description = "Share user for the pre-state (DOMAIN\\\\user or user@realm)" };
        var passwordEnv = new Option<string>("--password-env") { Description = "Environment variable with --user's password", DefaultValueFactory = _ => CredentialOptions.DefaultPasswordEnv };
        var ldap = new Option<string?>("--ldap") { Description = "ldaps://host[:port] (or ldap:// with StartTLS) to create one account per client" };
        var directory = new Option<string>("--directory") { Description = "ad | openldap", DefaultValueFactory = _ => "ad" };
        directory.AcceptOnlyFromAmong("ad", "openldap");
        var bindDn = new Option<string?>("--bind-dn") { Description = "Bind identity (DN, or for AD a UPN like Administrator@lab.test)" };
        var bindPasswordEnv = new Option<string>("--bind-password-env") { Description = "Environment variable with the bind password", DefaultValueFactory = _ => "SMBENCH_BIND_PASSWORD" };
        var baseDn = new Option<string?>("--base-dn") { Description = "Container of the accounts, e.g. OU=smbench,DC=lab,DC=test (created if missing)" };
        var nameTemplate = new Option<string>("--name-template") { Description = "Account names, e.g. smb{index:000}", DefaultValueFactory = _ => "smb{index:000}" };
        var domain = new Option<string?>("--domain") { Description = "NTLM domain written into the credentials file (e.g. LAB)" };
        var credentials = new Option<string?>("--credentials") { Description = "Credentials file to write for the replay (default <workload>/credentials.yaml, mode 0600)" };
        var existing = new Option<string>("--existing") { Description = "reset | skip | fail for accounts that already exist", DefaultValueFactory = _ => "reset" };
        existing.AcceptOnlyFromAmong("reset", "skip", "fail");
        var parallelism = new Option<int>("--parallelism") { Description = "LDAP connections / share writers at once", DefaultValueFactory = _ => 4 };
        var trustAny = new Option<bool>("--trust-any-certificate") { Description = "Labs only: accept any LDAPS certificate" };
        var caFile = new Option<string?>("--ca-file") { Description = "PEM CA bundle to trust for LDAPS" };
        var allowPlain = new Option<bool>("--allow-plain-ldap") { Description = "Let ldap:// bind without TLS (passwords in clear!)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan; change nothing" };
        var cleanup = new Option<bool>("--cleanup") { Description = "Remove exactly what an earlier provision created (from its manifest)" };
        var command = new Command("provision", "Create the lab's accounts and the files and folders the workload expects to exist.")
        {
            workload, target, root, user, passwordEnv, ldap, directory, bindDn, bindPasswordEnv, baseDn, nameTemplate, domain,
            credentials, existing, parallelism, trustAny, caFile, allowPlain, dryRun, cleanup,
        };
        command.SetAction((parse, ct) => ProvisionExecution.RunAsync(new ProvisionCliOptions(
            parse.GetRequiredValue(workload), parse.GetValue(target), parse.GetValue(root), parse.GetValue(user), parse.GetValue(passwordEnv)!,
            parse.GetValue(ldap), parse.GetValue(directory)!, parse.GetValue(bindDn), parse.GetValue(bindPasswordEnv)!, parse.GetValue(baseDn),
            parse.GetValue(nameTemplate)!, parse.GetValue(domain), parse.GetValue(credentials), parse.GetValue(existing)!,
            parse.GetValue(parallelism), parse.GetValue(trustAny), parse.GetValue(caFile), parse.GetValue(allowPlain),
            parse.GetValue(dryRun), parse.GetValue(cleanup)), ct));
        return command;
    }
}

internal sealed record ProvisionCliOptions(string Workload, string? Target, string? Root, string? User, string PasswordEnv,
    string? Ldap, string Directory, string? BindDn, string BindPasswordEnv, string? BaseDn, string NameTemplate, string? Domain,
    string? Credentials, string Existing, int Parallelism, bool TrustAny, string? CaFile, bool AllowPlain, bool DryRun, bool Cleanup);
