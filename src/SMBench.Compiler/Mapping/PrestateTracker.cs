using System.Text.Json;
using SMBench.Core.Ir;

namespace SMBench.Compiler.Mapping;

/// <summary>
/// Files and directories the workload uses without creating them, with the size its reads need, so the
/// provisioner can lay them out before a replay (written as <c>prestate.json</c>). Holds one entry per distinct
/// path the capture touched.
/// </summary>
public sealed class PrestateTracker
{
    private readonly Dictionary<string, Entry> _paths = new(StringComparer.Ordinal);

    public int FileCount => _paths.Values.Count(e => e.PreExisting && !e.IsDirectory);

    public int DirectoryCount => _paths.Values.Count(e => e.PreExisting && e.IsDirectory);

    /// <summary>First successful open of a path decides: created by the workload, or there before it.</summary>
    public void Opened(string path, bool created, bool isDirectory, long size)
    {
        if (_paths.TryGetValue(path, out var e))
        {
            if (e.PreExisting && !e.IsDirectory && !created) e.Size = Math.Max(e.Size, size);
            return;
        }
        _paths[path] = new Entry { PreExisting = !created, IsDirectory = isDirectory, Size = created ? 0 : size };
        if (!created) MarkParents(path);
    }

    /// <summary>A path the workload expects to be absent at first (its first open failed as not found).</summary>
    public void Missing(string path) => _paths.TryAdd(path, new Entry());

    /// <summary>A path the workload makes itself (mkdir, rename target).</summary>
    public void Created(string path, bool isDirectory) => _paths.TryAdd(path, new Entry { IsDirectory = isDirectory });

    /// <summary>A read reached <paramref name="end"/>: a pre-existing file must be at least that long.</summary>
    public void ReadTo(string path, long end)
    {
        if (_paths.TryGetValue(path, out var e) && e.PreExisting && !e.IsDirectory) e.Size = Math.Max(e.Size, end);
    }

    public void Write(string file, Anonymizer? anonymizer)
    {
        using var stream = File.Create(file);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteStartArray("directories");
        foreach (var (path, e) in _paths.Where(p => p.Value.PreExisting && p.Value.IsDirectory && p.Key.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("path", anonymizer?.Path(path) ?? path);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("files");
        foreach (var (path, e) in _paths.Where(p => p.Value.PreExisting && !p.Value.IsDirectory).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("path", anonymizer?.Path(path) ?? path);
            w.WriteNumber("size", e.Size);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void MarkParents(string path)
    {
        for (var parent = SharePath.Parent(path); parent.Length > 0; parent = SharePath.Parent(parent))
        {
            if (_paths.TryGetValue(parent, out var e))
            {
                if (!e.PreExisting && e.IsDirectory) return;
                continue;
            }
            _paths[parent] = new Entry { PreExisting = true, IsDirectory = true };
        }
    }

    private sealed class Entry
    {
        public bool PreExisting { get; set; }
        public bool IsDirectory { get; set; }
        public long Size { get; set; }
    }
}
