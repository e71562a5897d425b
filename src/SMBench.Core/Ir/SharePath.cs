namespace SMBench.Core.Ir;

/// <summary>
/// Share-relative paths: '/' or '\' separated, never absolute, never escaping the share root. Normalised form
/// uses '/' and has no empty, "." or trailing components.
/// </summary>
public static class SharePath
{
    /// <summary>Returns the normalised path, or null with <paramref name="error"/> set when it is not acceptable.</summary>
    public static string? TryNormalize(string? path, out string? error)
    {
        error = null;
        if (path == null)
        {
            error = "path is missing";
            return null;
        }
        if (path.Length > 4096)
        {
            error = $"path is {path.Length} characters long (limit 4096)";
            return null;
        }
        if (path.IndexOf('\0') >= 0)
        {
            error = "path contains a NUL character";
            return null;
        }
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':'))
        {
            error = $"path '{path}' is absolute; IR paths are share-relative";
            return null;
        }
        var parts = new List<string>();
        foreach (var part in path.Split('/', '\\'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                error = $"path '{path}' contains '..'; IR paths must stay inside the share root";
                return null;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    public static string Normalize(string path) =>
        TryNormalize(path, out var error) ?? throw new ArgumentException(error, nameof(path));

    /// <summary>The parent of a normalised path ("" for the root level).</summary>
    public static string Parent(string normalized)
    {
        var i = normalized.LastIndexOf('/');
        return i < 0 ? "" : normalized[..i];
    }
}
