using System.Text;
using YamlDotNet.Serialization;

namespace SMBench.Core.Credentials;

/// <summary>
/// Writes a credentials file that only its owner can read: the file is created with mode 0600 before any secret
/// is written, then renamed over the target so a reader never sees a half-written file.
/// </summary>
public static class CredentialsFileWriter
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .DisableAliases()
        .Build();

    /// <summary>The YAML text of a document (exposed for tests and dry runs that print a plan without secrets).</summary>
    public static string ToYaml(CredentialsDocument document) => Serializer.Serialize(document);

    public static async Task WriteAsync(string path, CredentialsDocument document, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var header = "# SMBench credentials: maps IR client ids to accounts. Keep this file private (mode 0600).\n";
        var bytes = Encoding.UTF8.GetBytes(header + ToYaml(document));
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerReadWrite,
            };
            await using (var stream = new FileStream(temp, options))
            {
                // The umask can only remove bits, but be explicit: the mode is right before the first byte lands.
                File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new CredentialsException(full, $"cannot write the credentials file: {e.Message}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
