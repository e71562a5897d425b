using System.Security.Cryptography;
using SMBench.Core.Ir;

namespace SMBench.Core.Blobs;

/// <summary>
/// Write payloads of a workload, content-addressed by SHA-256 under <c>blobs/</c>. References are relative to the
/// workload directory and can never resolve outside <c>blobs/</c>, whatever the IR says.
/// </summary>
public sealed class BlobStore
{
    public const string FolderName = "blobs";
    private readonly string _root;

    public BlobStore(string workloadDir)
    {
        WorkloadDir = Path.GetFullPath(workloadDir);
        _root = Path.Combine(WorkloadDir, FolderName) + Path.DirectorySeparatorChar;
    }

    public string WorkloadDir { get; }

    /// <summary>Stores <paramref name="data"/> (once per content) and returns its reference, <c>blobs/&lt;sha256&gt;</c>.</summary>
    public string Put(ReadOnlySpan<byte> data)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(data));
        var path = Path.Combine(_root, hash);
        if (!File.Exists(path))
        {
            System.IO.Directory.CreateDirectory(_root);
            var tmp = path + ".tmp-" + Environment.ProcessId;
            using (var f = File.Create(tmp)) f.Write(data);
            File.Move(tmp, path, overwrite: true);
        }
        return $"{FolderName}/{hash}";
    }

    /// <summary>Full path of a reference, or null with the reason when it escapes <c>blobs/</c> or is malformed.</summary>
    public string? TryResolve(string reference, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(reference) || reference.IndexOf('\0') >= 0 || Path.IsPathRooted(reference))
        {
            error = $"blob reference '{reference}' must be a relative path under {FolderName}/";
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(WorkloadDir, reference.Replace('\\', '/')));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            error = $"blob reference '{reference}' points outside {FolderName}/";
            return null;
        }
        if (LinkOnTheWay(full) is { } link)
        {
            error = $"blob reference '{reference}' goes through the symbolic link '{link}'; blobs must be regular files inside {FolderName}/";
            return null;
        }
        return full;
    }

    // The textual check above cannot see links: blobs/x -> /etc/shadow (or blobs/ itself linked elsewhere) would
    // read any file of this machine and write it to the server. Workloads travel between machines, so refuse them.
    private string? LinkOnTheWay(string full)
    {
        var blobsDir = _root[..^1];
        for (var p = full.TrimEnd(Path.DirectorySeparatorChar); p.Length >= blobsDir.Length; p = Path.GetDirectoryName(p) ?? "")
        {
            if (new FileInfo(p).LinkTarget != null) return Path.GetRelativePath(WorkloadDir, p);
        }
        return null;
    }

    public string Resolve(string reference) =>
        TryResolve(reference, out var error) ?? throw new WorkloadException(reference, 0, null, error!);

    /// <summary>Reads <paramref name="length"/> bytes of a blob into <paramref name="destination"/>.</summary>
    public void Read(string reference, Span<byte> destination)
    {
        using var f = new FileStream(Resolve(reference), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        var read = 0;
        while (read < destination.Length)
        {
            var n = f.Read(destination[read..]);
            if (n == 0) throw new EndOfStreamException($"blob {reference} is shorter than {destination.Length} bytes");
            read += n;
        }
    }
}
