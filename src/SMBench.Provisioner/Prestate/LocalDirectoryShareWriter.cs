namespace SMBench.Provisioner.Prestate;

/// <summary>Writes the pre-state into a local directory (or an OS mount of the share), for the local backend.</summary>
public sealed class LocalDirectoryShareWriter : IShareWriter
{
    private const int ChunkSize = 1 << 20;
    private readonly string _root;

    public LocalDirectoryShareWriter(string root)
    {
        _root = Path.GetFullPath(root);
        if (!Directory.Exists(_root)) throw new DirectoryNotFoundException($"share directory '{_root}' does not exist");
    }

    public string Target => new Uri(_root).AbsoluteUri;

    public Task<EnsureOutcome> EnsureDirectoryAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (Directory.Exists(full)) return Task.FromResult(EnsureOutcome.Existed);
        if (File.Exists(full)) throw new IOException($"'{path}' should be a directory but a file has that name");
        Directory.CreateDirectory(full);
        return Task.FromResult(EnsureOutcome.Created);
    }

    public async Task<EnsureOutcome> EnsureFileAsync(string path, long size, ContentKind content, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (Directory.Exists(full)) throw new IOException($"'{path}' should be a file but a directory has that name");
        if (File.Exists(full))
        {
            var length = new FileInfo(full).Length;
            if (length == size) return EnsureOutcome.Existed;
            await WriteAsync(full, path, size, content, FileMode.Open, length, cancellationToken).ConfigureAwait(false);
            return EnsureOutcome.Resized;
        }
        await WriteAsync(full, path, size, content, FileMode.CreateNew, 0, cancellationToken).ConfigureAwait(false);
        return EnsureOutcome.Created;
    }

    private static async Task WriteAsync(string full, string path, long size, ContentKind content, FileMode mode, long from,
        CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(full, mode, FileAccess.Write, FileShare.None, 0, useAsync: true);
        if (content == ContentKind.Zeros || size <= from)
        {
            stream.SetLength(size); // zeros: sparse where the file system allows
            return;
        }
        stream.Position = from;
        var buffer = new byte[(int)Math.Min(ChunkSize, size - from)];
        for (var offset = from; offset < size; offset += buffer.Length)
        {
            var n = (int)Math.Min(buffer.Length, size - offset);
            SyntheticContent.Fill(path, offset, buffer.AsSpan(0, n));
            await stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<DeleteOutcome> DeleteFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (!File.Exists(full)) return Task.FromResult(DeleteOutcome.Missing);
        File.Delete(full);
        return Task.FromResult(DeleteOutcome.Deleted);
    }

    public Task<DeleteOutcome> DeleteDirectoryAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (!Directory.Exists(full)) return Task.FromResult(DeleteOutcome.Missing);
        if (Directory.EnumerateFileSystemEntries(full).Any()) return Task.FromResult(DeleteOutcome.NotEmpty);
        Directory.Delete(full);
        return Task.FromResult(DeleteOutcome.Deleted);
    }

    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, SharePath.Combine("", path)));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidDataException($"'{path}' escapes the share directory");
        return full;
    }
}
