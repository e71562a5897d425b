using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SMBench.Core.Ir.Validation;
using SMBench.Daemon.Hosting;
using SMBench.Daemon.Runs;

namespace SMBench.Daemon.Http;

/// <summary>
/// <c>PUT /api/workloads/{name}</c>: upload a workload bundle (a tar of the workload directory, optionally gzipped)
/// so a client on another machine can run it; it lands in <c>&lt;data-dir&gt;/workloads/&lt;name&gt;/</c> and is
/// validated before the answer. Only plain files and directories inside the bundle are accepted.
/// </summary>
public static partial class WorkloadEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPut("/api/workloads/{name}", UploadAsync)
            .WithSummary("Upload a workload bundle (tar or tar.gz of the workload dir) → {workload: path to use in POST /api/runs}");
        app.MapGet("/api/workloads", (RunManagerOptions options) =>
        {
            var dir = WorkloadsDir(options);
            var names = Directory.Exists(dir) ? Directory.EnumerateDirectories(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];
            return Results.Json(new { workloads = names.Select(n => new { name = n, workload = Path.Combine(dir, n!) }) }, ApiJson.Options);
        }).WithSummary("Uploaded workloads");
    }

    public static string WorkloadsDir(RunManagerOptions options) => Path.Combine(options.DataDir, "workloads");

    private static async Task<IResult> UploadAsync(string name, HttpRequest http, RunManagerOptions options, DaemonSettings settings,
        CancellationToken ct)
    {
        if (!NamePattern().IsMatch(name))
            return Error(400, $"workload name '{name}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        var max = settings.MaxUploadBytes;
        if (http.ContentLength > max) return TooLarge($"the bundle is {http.ContentLength} bytes", max);
        // Kestrel enforces this on chunked bodies too, failing the read with a 413 BadHttpRequestException.
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max;
        var target = Path.Combine(WorkloadsDir(options), name);
        if (Directory.Exists(target)) return Error(409, $"workload '{name}' already exists at {target}; upload under another name");
        var staging = target + ".upload-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(staging);
            await ExtractAsync(http.Body, staging, max, ct);
            var root = WorkloadRoot(staging);
            var report = new WorkloadValidator().Validate(root);
            if (!report.IsValid)
                return Error(422, "the uploaded workload is invalid:\n  " + string.Join("\n  ", report.Errors.Select(e => e.Message.Replace(staging, name, StringComparison.Ordinal))));
            Directory.Move(root, target);
            return Results.Json(new { name, workload = target, ops_total = report.OpsTotal, clients = report.Clients }, ApiJson.Options, statusCode: 201);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ArgumentException or OverflowException)
        {
            // What TarReader/GZipStream throw for bytes that are not an archive (or a truncated one).
            return Error(400, $"the body is not a tar or tar.gz workload bundle: {e.Message}");
        }
        catch (BundleRefusedException e)
        {
            return Error(400, e.Message);
        }
        catch (BundleTooLargeException e)
        {
            return TooLarge(e.Message, max);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge("the bundle's body is larger", max);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    // "tar -C dir ." puts the workload at the top; "tar dir" puts it one folder down. Both are fine.
    private static string WorkloadRoot(string staging)
    {
        bool HasWorkload(string d) => File.Exists(Path.Combine(d, "workload.json")) || File.Exists(Path.Combine(d, "workload.jsonl"));
        if (HasWorkload(staging)) return staging;
        var dirs = Directory.GetDirectories(staging);
        if (dirs.Length == 1 && Directory.GetFiles(staging).Length == 0 && HasWorkload(dirs[0])) return dirs[0];
        throw new BundleRefusedException("the bundle holds no workload.json or workload.jsonl (at its top or in its single top folder)");
    }

    private static async Task ExtractAsync(Stream body, string root, long maxBytes, CancellationToken ct)
    {
        long unpacked = 0;
        // Sniff gzip (1f 8b) so both .tar and .tar.gz work without a content type.
        var buffered = new BufferedStream(body, 1 << 16);
        var head = new byte[2];
        var n = await buffered.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, ct);
        if (n == 0) throw new BundleRefusedException("the body is empty: send a tar (or tar.gz) of the workload directory");
        Stream input = new PrefixedStream(head.AsMemory(0, n), buffered);
        if (n == 2 && head[0] == 0x1f && head[1] == 0x8b) input = new GZipStream(input, CompressionMode.Decompress);
        await using var reader = new TarReader(input);
        var prefix = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            var name = entry.Name.TrimStart('.', '/').Length == 0 ? "" : entry.Name;
            if (name.Length == 0) continue;
            var dest = Path.GetFullPath(Path.Combine(root, name));
            if (!dest.StartsWith(prefix, StringComparison.Ordinal) && dest + Path.DirectorySeparatorChar != prefix)
                throw new BundleRefusedException($"bundle entry '{entry.Name}' points outside the workload directory");
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(dest);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    // Checked before writing: a small gzip can declare (and hold) many gigabytes of zeros.
                    unpacked += entry.Length;
                    if (unpacked > maxBytes)
                        throw new BundleTooLargeException($"the bundle unpacks to more than that (at entry '{entry.Name}', {unpacked} bytes so far)");
                    Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                    await entry.ExtractToFileAsync(dest, overwrite: false, ct);
                    break;
                case TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes:
                    break;
                default:
                    throw new BundleRefusedException($"bundle entry '{entry.Name}' is a {entry.EntryType}; only files and directories are accepted");
            }
        }
    }

    private static IResult TooLarge(string what, long max) => Error(StatusCodes.Status413PayloadTooLarge,
        $"{what}: this daemon accepts workload bundles of at most {max} bytes ({max / (1024.0 * 1024):F1} MiB), sent and unpacked; " +
        "raise smbench.daemon.max-upload-bytes (env SMBENCH_MAX_UPLOAD_BYTES) or copy the workload to the daemon host");

    private static IResult Error(int status, string message) => Results.Json(new ApiError(message), ApiJson.Options, statusCode: status);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    private sealed class BundleRefusedException(string message) : Exception(message);

    private sealed class BundleTooLargeException(string message) : Exception(message);
}
