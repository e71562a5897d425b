using SMBench.Core.Credentials;
using SMBench.Provisioner.Ldap;
using SMBench.Provisioner.Manifest;
using SMBench.Provisioner.Prestate;
using SMBench.Provisioner.Users;

namespace SMBench.Provisioner;

/// <summary>Everything <c>smbench provision</c> needs; what is null is not done (no LDAP → no accounts).</summary>
public sealed record WorkloadProvisionRequest
{
    /// <summary>The workload directory: prestate.json is read from it and the manifest written to it by default.</summary>
    public required string WorkloadDirectory { get; init; }

    /// <summary>IR client ids in IR order (from the workload header).</summary>
    public required IReadOnlyList<string> ClientIds { get; init; }

    /// <summary>The directory and the dialect; null skips account creation.</summary>
    public LdapTargetOptions? Ldap { get; init; }

    public IDirectoryDialect Dialect { get; init; } = new ActiveDirectoryDialect();

    /// <summary>Account options other than client ids, dry run and manifest (taken from this request).</summary>
    public UserProvisioningOptions? Users { get; init; }

    /// <summary>The replay target (smb://host[:port]/share or file:///dir); null skips the pre-state.</summary>
    public ShareTarget? Target { get; init; }

    /// <summary>Login for writing the pre-state over SMB (--user/--password-env).</summary>
    public Credential? ShareCredential { get; init; }

    /// <summary>The replay's --root (share-relative) the pre-state goes under.</summary>
    public string Root { get; init; } = "";

    public string? ManifestPath { get; init; }

    public bool DryRun { get; init; }

    public int Parallelism { get; init; } = 4;

    public string EffectiveManifestPath => ManifestPath ?? Path.Combine(WorkloadDirectory, ProvisionManifest.DefaultFileName);
}

public sealed record WorkloadProvisionResult(UserProvisioningResult? Users, PrestateResult? Prestate, string ManifestPath);

public sealed record WorkloadCleanupResult(UserCleanupResult? Users, IReadOnlyList<string> PrestateLeft);

/// <summary>The <c>smbench provision</c> flow: accounts first (so the pre-state can be written as a provisioned user), then the pre-state.</summary>
public static class WorkloadProvisioning
{
    public static async Task<WorkloadProvisionResult> ProvisionAsync(WorkloadProvisionRequest request,
        IProgress<ProvisionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var manifest = request.EffectiveManifestPath;
        UserProvisioningResult? users = null;
        if (request.Ldap != null)
        {
            var options = (request.Users ?? new UserProvisioningOptions { ClientIds = request.ClientIds, BaseDn = "" }) with
            {
                ClientIds = request.ClientIds,
                DryRun = request.DryRun,
                ManifestPath = manifest,
                Parallelism = request.Parallelism,
            };
            users = await new UserProvisioner(request.Ldap, request.Dialect).ProvisionAsync(options, progress, cancellationToken)
                .ConfigureAwait(false);
        }

        PrestateResult? prestate = null;
        var prestatePath = Path.Combine(request.WorkloadDirectory, PrestateDocument.FileName);
        if (request.Target != null && File.Exists(prestatePath))
        {
            var document = await PrestateDocument.LoadAsync(prestatePath, cancellationToken).ConfigureAwait(false);
            var writer = await request.Target.OpenWriterAsync(request.ShareCredential, cancellationToken).ConfigureAwait(false);
            try
            {
                prestate = await new PrestateProvisioner(writer).ProvisionAsync(document, request.Root, manifest, request.DryRun,
                    request.Parallelism, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (writer is IAsyncDisposable d) await d.DisposeAsync().ConfigureAwait(false);
            }
        }
        return new WorkloadProvisionResult(users, prestate, manifest);
    }

    /// <summary>Removes what the manifest records: pre-state first (it may sit under a provisioned user's files), then accounts.</summary>
    public static async Task<WorkloadCleanupResult> CleanupAsync(string manifestPath, LdapTargetOptions? ldap, ShareTarget? target,
        Credential? shareCredential, CancellationToken cancellationToken = default)
    {
        var manifest = await ProvisionManifest.LoadAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> left = [];
        if (manifest.Prestate != null && target != null)
        {
            var writer = await target.OpenWriterAsync(shareCredential, cancellationToken).ConfigureAwait(false);
            try
            {
                left = await new PrestateProvisioner(writer).CleanupAsync(manifestPath, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (writer is IAsyncDisposable d) await d.DisposeAsync().ConfigureAwait(false);
            }
        }
        UserCleanupResult? users = null;
        if (manifest.Ldap != null && ldap != null)
            users = await UserCleanup.CleanupAsync(ldap, manifestPath, cancellationToken).ConfigureAwait(false);
        return new WorkloadCleanupResult(users, left);
    }
}
