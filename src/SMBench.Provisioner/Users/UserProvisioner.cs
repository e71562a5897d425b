using System.Collections.Concurrent;
using System.Diagnostics;
using System.DirectoryServices.Protocols;
using SMBench.Core.Credentials;
using SMBench.Provisioner.Ldap;
using SMBench.Provisioner.Manifest;

namespace SMBench.Provisioner.Users;

/// <summary>
/// Creates one directory account per IR client, writes the credentials file the replay uses, and records what it
/// created in the manifest so <see cref="UserCleanup"/> can remove exactly that. Everything that can be checked
/// is checked before the first write; if a write fails mid-way, the accounts and OUs this run created are removed
/// again, so a failed run leaves nothing behind (passwords already reset on pre-existing accounts stay reset).
/// </summary>
public sealed class UserProvisioner
{
    private readonly LdapTargetOptions _target;
    private readonly IDirectoryDialect _dialect;

    public UserProvisioner(LdapTargetOptions target, IDirectoryDialect dialect)
    {
        _target = target;
        _dialect = dialect;
    }

    public async Task<UserProvisioningResult> ProvisionAsync(UserProvisioningOptions options,
        IProgress<ProvisionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        if (!options.DryRun && options.CredentialsOutput == null)
            throw new ProvisioningException(LdapFailure.InvalidInput, "a credentials output path is required (the replay needs the passwords)");
        var stopwatch = Stopwatch.StartNew();
        var input = options.CredentialsInput == null ? null : CredentialsFile.Load(options.CredentialsInput, options.Environment);
        var users = UserPlanner.Desired(options, input, _dialect);

        // S.DS.P calls are synchronous; keep them off the caller's thread.
        var missingOus = await Task.Run(() =>
        {
            using var session = LdapSession.Open(_target);
            var missing = UserPlanner.MissingContainers(session, options.BaseDn);
            UserPlanner.ClassifyExisting(session, _dialect, users, options);
            foreach (var group in options.Groups)
                if (!session.Exists(group))
                    throw new ProvisioningException(LdapFailure.MissingParent, $"group '{group}' does not exist");
            return missing;
        }, cancellationToken).ConfigureAwait(false);
        if (options.DryRun) return Result(users, missingOus, true, stopwatch);

        foreach (var user in users.Where(u => u.Password == null))
            user.Password = PasswordGenerator.Generate(user.Username);

        var run = new RunRecord();
        try
        {
            await ExecuteAsync(options, users, missingOus, run, progress, cancellationToken).ConfigureAwait(false);
            var credentialsExisted = File.Exists(options.CredentialsOutput);
            await CredentialsFileWriter.WriteAsync(options.CredentialsOutput!, CredentialsFor(users, input, options), cancellationToken)
                .ConfigureAwait(false);
            if (options.ManifestPath != null)
                await RecordAsync(options, run, credentialsExisted ? null : Path.GetFullPath(options.CredentialsOutput!), cancellationToken)
                    .ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is ProvisioningException or CredentialsException or OperationCanceledException or IOException)
        {
            var leftovers = RollBack(run);
            if (leftovers.Users.Count > 0 || leftovers.OrganizationalUnits.Count > 0)
            {
                if (options.ManifestPath != null) await RecordAsync(options, leftovers, null, CancellationToken.None).ConfigureAwait(false);
                throw new ProvisioningException(failure is ProvisioningException p ? p.Failure : LdapFailure.Other,
                    $"{failure.Message} — rolling back left {leftovers.Users.Count} account(s) and {leftovers.OrganizationalUnits.Count} OU(s) " +
                    (options.ManifestPath != null ? $"recorded in {options.ManifestPath} for cleanup" : "behind"), failure);
            }
            throw;
        }
        return Result(users, run.OrganizationalUnits, false, stopwatch);
    }

    private async Task ExecuteAsync(UserProvisioningOptions options, List<DesiredUser> users, List<string> missingOus,
        RunRecord run, IProgress<ProvisionProgress>? progress, CancellationToken cancellationToken)
    {
        if (missingOus.Count > 0)
        {
            using var session = LdapSession.Open(_target);
            foreach (var ou in missingOus)
            {
                session.Add(ou, _dialect.NewOrganizationalUnit(ou));
                run.OrganizationalUnits.Add(ou);
            }
        }

        var pool = new ConcurrentBag<LdapSession>();
        var done = 0;
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(users, parallel, (user, token) =>
            {
                token.ThrowIfCancellationRequested();
                if (!pool.TryTake(out var session)) session = LdapSession.Open(_target);
                try
                {
                    Apply(session, user, options, run, retrying: false);
                }
                catch (ProvisioningException e) when (e.Failure == LdapFailure.Unreachable)
                {
                    // A dropped connection (server restart, idle reset): one retry on a fresh connection.
                    session.Dispose();
                    session = LdapSession.Open(_target);
                    Apply(session, user, options, run, retrying: true);
                }
                finally
                {
                    pool.Add(session);
                }
                progress?.Report(new ProvisionProgress(Interlocked.Increment(ref done), users.Count, user.Username, user.Action));
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }
        finally
        {
            foreach (var session in pool) session.Dispose();
        }
    }

    private void Apply(LdapSession session, DesiredUser user, UserProvisioningOptions options, RunRecord run, bool retrying)
    {
        switch (user.Action)
        {
            case UserAction.Create:
                var spec = new NewUserSpec(user.Username, user.Password!, user.ClientId, user.Index, options.BaseDn);
                try
                {
                    session.Add(user.Dn, _dialect.NewUser(spec));
                }
                catch (ProvisioningException e) when (retrying && e.Failure == LdapFailure.NameCollision && CreatedByLostAdd(session, user))
                {
                    // The first attempt's add went through but its answer was lost with the connection.
                }
                lock (run) run.Users.Add(new ProvisionManifest.ManifestUser(user.ClientId, user.Username, user.Dn));
                break;
            case UserAction.ResetPassword:
                session.Modify(user.Dn, _dialect.SetPassword(user.Password!));
                break;
            case UserAction.Skip:
                return;
        }
        foreach (var group in options.Groups)
        {
            var add = new DirectoryAttributeModification { Name = "member", Operation = DirectoryAttributeOperation.Add };
            add.Add(user.Dn);
            try
            {
                session.Modify(group, add);
            }
            catch (ProvisioningException e) when (e.InnerException is DirectoryOperationException
                { Response.ResultCode: ResultCode.AttributeOrValueExists or ResultCode.EntryAlreadyExists })
            {
                continue; // already a member: not ours to remove later
            }
            lock (run) run.Memberships.Add(new ProvisionManifest.ManifestMembership(group, user.Dn));
        }
    }

    // Our entries carry the client id in their description; an entry at the planned DN with it is ours.
    private static bool CreatedByLostAdd(LdapSession session, DesiredUser user)
    {
        var entries = session.Search(user.Dn, "(objectClass=*)", System.DirectoryServices.Protocols.SearchScope.Base, "description");
        var description = entries is [var entry] ? entry.Attributes["description"]?[0] as string : null;
        return description == UserDescription.For(user.ClientId);
    }

    /// <summary>Removes what this run created; returns what could not be removed.</summary>
    private RunRecord RollBack(RunRecord run)
    {
        var left = new RunRecord();
        if (run.Users.Count == 0 && run.OrganizationalUnits.Count == 0) return left;
        try
        {
            using var session = LdapSession.Open(_target);
            foreach (var m in run.Memberships) UserCleanup.TryRemoveMember(session, m);
            foreach (var user in run.Users)
            {
                try { session.Delete(user.Dn); }
                catch (ProvisioningException) { left.Users.Add(user); }
            }
            foreach (var ou in Enumerable.Reverse(run.OrganizationalUnits))
            {
                try { session.Delete(ou); }
                catch (ProvisioningException) { left.OrganizationalUnits.Insert(0, ou); }
            }
        }
        catch (ProvisioningException)
        {
            return run; // cannot even reconnect: everything stays recorded for a later cleanup
        }
        return left;
    }

    private async Task RecordAsync(UserProvisioningOptions options, RunRecord run, string? createdCredentials, CancellationToken cancellationToken)
    {
        var manifest = await ProvisionManifest.LoadAsync(options.ManifestPath!, cancellationToken).ConfigureAwait(false);
        var ldap = manifest.Ldap ??= new ProvisionManifest.LdapSection();
        ldap.Server = _target.DisplayUri;
        ldap.Kind = _dialect.Kind.ToString();
        ldap.BaseDn = options.BaseDn;
        foreach (var ou in run.OrganizationalUnits)
            if (!ldap.OrganizationalUnits.Any(o => DistinguishedName.AreEqual(o, ou))) ldap.OrganizationalUnits.Add(ou);
        foreach (var user in run.Users)
            if (!ldap.Users.Any(u => DistinguishedName.AreEqual(u.Dn, user.Dn))) ldap.Users.Add(user);
        foreach (var m in run.Memberships)
            if (!ldap.Memberships.Contains(m)) ldap.Memberships.Add(m);
        manifest.CredentialsFile ??= createdCredentials;
        await manifest.SaveAsync(options.ManifestPath!, cancellationToken).ConfigureAwait(false);
    }

    private static CredentialsDocument CredentialsFor(List<DesiredUser> users, CredentialsFile? input, UserProvisioningOptions options)
    {
        var document = new CredentialsDocument { Default = input?.Document.Default };
        foreach (var user in users)
        {
            var entry = new CredentialEntry { ClientId = user.ClientId, Username = user.Username, Domain = options.LoginDomain };
            if (user.PasswordEnv != null) entry.PasswordEnv = user.PasswordEnv; // never copy a secret out of the environment
            else entry.Password = user.Password;
            document.Users.Add(entry);
        }
        return document;
    }

    private static UserProvisioningResult Result(List<DesiredUser> users, List<string> ous, bool dryRun, Stopwatch stopwatch)
        => new([.. users.Select(u => new PlannedUser(u.ClientId, u.Username, u.Dn, u.Action, u.PasswordEnv != null))],
            ous, dryRun, stopwatch.Elapsed);

    private sealed class RunRecord
    {
        public List<string> OrganizationalUnits { get; } = [];
        public List<ProvisionManifest.ManifestUser> Users { get; } = [];
        public List<ProvisionManifest.ManifestMembership> Memberships { get; } = [];
    }
}
