using System.Formats.Tar;
using System.IO.Compression;

namespace SMBench.Daemon.Ctl;

/// <summary><c>run start --upload</c>: sends a local workload directory to the daemon as a tar.gz bundle.</summary>
internal static class WorkloadUpload
{
    /// <returns>The workload path on the daemon host.</returns>
    public static async Task<string> UploadAsync(CtlClient client, string localPath, CtlOutput output, CancellationToken ct)
    {
        var dir = Directory.Exists(localPath) ? Path.GetFullPath(localPath) : Path.GetDirectoryName(Path.GetFullPath(localPath))!;
        if (!Directory.Exists(dir)) throw new CtlException(2, $"--upload: '{localPath}' is not a workload directory here");
        var name = $"{Sanitize(Path.GetFileName(dir.TrimEnd('/')))}-{DateTime.UtcNow:yyyyMMddHHmmss}";
        var bundle = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(bundle))
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
                await TarFile.CreateFromDirectoryAsync(dir, gzip, includeBaseDirectory: false, ct).ConfigureAwait(false);
            await using var upload = File.OpenRead(bundle);
            if (!output.Json) output.Line($"uploading {dir} ({upload.Length / 1024.0:N0} KiB) as workload '{name}'…");
            var answer = await client.PutAsync($"/api/workloads/{name}", upload, "application/gzip", ct).ConfigureAwait(false);
            return answer.GetProperty("workload").GetString()!;
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    private static string Sanitize(string name)
    {
        var clean = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()).Trim('.', '-');
        return clean.Length == 0 ? "workload" : clean[..Math.Min(clean.Length, 40)];
    }
}
