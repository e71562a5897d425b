using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Local;
using SMBench.Actors.Backends.Smb;
using SMBench.Core.Blobs;
using SMBench.Core.Ir;
using SMBench.Daemon.Cli;

namespace SMBench.Daemon.Runs;

/// <summary>
/// Builds the backend a replay asks for from its target and backend name; shared by <c>smbench replay</c> and the
/// HTTP API so both accept exactly the same combinations.
/// </summary>
public static class BackendFactory
{
    public static readonly IReadOnlyList<string> Known = ["local", "null", "smb"];

    /// <summary>Which backend a target implies when none is named: file:// → local, smb:// → smb, none → null.</summary>
    public static string Resolve(string? backend, TargetSpec? target)
        => backend ?? target?.Scheme switch { "file" => "local", "smb" => "smb", _ => "null" };

    /// <summary>Creates the backend; throws <see cref="FormatException"/> for combinations that cannot work.</summary>
    /// <param name="root">Folder under the target for this run (default smbench/&lt;run-id&gt;; "/" replays in place).</param>
    /// <param name="credentials">Who the smb backend's clients log in as (ignored by the others).</param>
    /// <param name="connections">smb: <c>per-client</c> (null) or <c>shared:N</c> (<see cref="ConnectionsOption"/>).</param>
    public static (IReplayBackend Backend, string? TargetText) Create(string workload, string? target, string? backend,
        string? root, string runId, double nullLatencyMs, ReplayMode mode = ReplayMode.Mvp, CredentialOptions? credentials = null,
        string? connections = null)
    {
        var spec = target == null ? null : TargetSpec.Parse(target);
        var kind = Resolve(backend, spec);
        var shared = ConnectionsOption.Parse(connections);
        if (shared > 0 && kind != "smb") throw new FormatException($"--connections shared:N is for the smb backend, not {kind}");
        switch (kind)
        {
            case "null":
                return (new NullBackend(TimeSpan.FromMilliseconds(nullLatencyMs)), spec?.ToString());
            case "local":
                if (spec is not { Scheme: "file" })
                    throw new FormatException("the local backend needs --target file:///dir (or a directory path)");
                var dir = root is "/" ? spec.LocalPath! : Path.Combine(spec.LocalPath!, SharePath.Normalize(root ?? $"smbench/{runId}"));
                var reader = WorkloadReader.Open(workload);
                return (new LocalBackend(dir, new BlobStore(reader.Directory)), $"file://{dir}");
            case "smb":
                if (spec is not { Scheme: "smb" })
                    throw new FormatException("the smb backend needs --target smb://host[:port]/share");
                if (credentials == null) throw new FormatException("the smb backend needs credentials (--user or --credentials)");
                var smbRoot = root is "/" ? "" : SharePath.Normalize(root ?? $"smbench/{runId}");
                var smbTarget = new SmbTarget(spec.Host!, spec.Port, spec.Share!, smbRoot);
                var workloadDir = WorkloadReader.Open(workload).Directory;
                return (new SmbBackend(smbTarget, credentials.CreateResolver(), mode, new BlobStore(workloadDir), sharedConnections: shared),
                    smbTarget.ToString());
            default:
                throw new FormatException($"unknown backend '{kind}' (smb, local, null)");
        }
    }
}
