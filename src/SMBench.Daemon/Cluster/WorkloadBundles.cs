using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using SMBench.Core.Ir;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// Workload identity and transport between nodes: a digest over the workload directory's files (relative path, size
/// and content, in ordinal path order) tells whether a node already holds the same workload at the same path; a node
/// that does not gets a tar bundle of the directory in chunks and checks the bundle's SHA-256 before unpacking.
/// </summary>
public static class WorkloadBundles
{
    public const int ChunkSize = 256 * 1024;

    /// <summary>The workload's directory (for a path to workload.json[l], its folder).</summary>
    public static string DirectoryOf(string workloadPath) => WorkloadReader.Open(workloadPath).Directory;

    /// <summary>A digest as <see cref="Digest"/> makes it: 64 hex digits. Digests name directories, so nothing else is accepted.</summary>
    public static bool IsDigest(string? digest) => digest is { Length: 64 } && digest.All(char.IsAsciiHexDigit);

    public static string Digest(string workloadPath)
    {
        var dir = DirectoryOf(workloadPath);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(Path.Combine(dir, file));
            sha.AppendData(Encoding.UTF8.GetBytes($"{file}\n{stream.Length}\n"));
            int n;
            while ((n = stream.Read(buffer)) > 0) sha.AppendData(buffer, 0, n);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>True when <paramref name="workloadPath"/> exists here and holds exactly the workload with <paramref name="digest"/>.</summary>
    public static bool Matches(string workloadPath, string digest)
    {
        try
        {
            return (File.Exists(workloadPath) || Directory.Exists(workloadPath)) && Digest(workloadPath) == digest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WorkloadException)
        {
            return false;
        }
    }

    /// <summary>Writes (once) the tar bundle of the workload dir under <paramref name="bundleDir"/>; returns its path and SHA-256.</summary>
    public static (string Path, string Sha256) Bundle(string workloadPath, string digest, string bundleDir)
    {
        Directory.CreateDirectory(bundleDir);
        var tar = Path.Combine(bundleDir, digest + ".tar");
        if (!File.Exists(tar))
        {
            var temp = tar + "." + Guid.NewGuid().ToString("N")[..8] + ".part";
            TarFile.CreateFromDirectory(DirectoryOf(workloadPath), temp, includeBaseDirectory: false);
            File.Move(temp, tar, overwrite: true);
        }
        using var stream = File.OpenRead(tar);
        return (tar, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    public static byte[] ReadChunk(string bundle, long offset)
    {
        using var stream = File.OpenRead(bundle);
        stream.Position = offset;
        var buffer = new byte[(int)Math.Min(ChunkSize, Math.Max(0, stream.Length - offset))];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>Checks the received bundle and unpacks it into <paramref name="destination"/> (replaced atomically).</summary>
    public static void Unpack(string bundle, string expectedSha256, string destination)
    {
        string actual;
        using (var stream = File.OpenRead(bundle)) actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"the workload bundle arrived damaged (SHA-256 {actual}, expected {expectedSha256})");
        var staging = destination + ".unpack-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        // Our own bundles hold plain files only; TarFile refuses entries that would leave the directory.
        TarFile.ExtractToDirectory(bundle, staging, overwriteFiles: false);
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        Directory.Move(staging, destination);
    }
}
