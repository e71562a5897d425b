namespace SMBench.Provisioner.Prestate;

/// <summary>
/// Share-relative paths of the pre-state: the IR's rules (<see cref="Core.Ir.SharePath"/>), plus non-empty and no
/// ':' anywhere (no alternate data streams in pre-state); helpers to join them under the replay root.
/// </summary>
public static class SharePath
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>The path's components, after checking it.</summary>
    public static string[] Split(string path, string where = "path")
    {
        Check(path, where);
        return path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
    }

    public static void Check(string path, string where)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InvalidDataException($"{where}: the path is empty");
        if (path.Contains(':', StringComparison.Ordinal))
            throw new InvalidDataException($"{where}: '{path}' contains ':'; pre-state paths are plain share-relative paths");
        if (Core.Ir.SharePath.TryNormalize(path, out var error) == null) throw new InvalidDataException($"{where}: {error}");
    }

    /// <summary>Joins the replay root (may be empty or "/") and a share-relative path with '/'.</summary>
    public static string Combine(string root, string path)
    {
        var parts = (root ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Concat(path.Split(Separators, StringSplitOptions.RemoveEmptyEntries));
        return string.Join('/', parts);
    }

    /// <summary>Every ancestor directory of a '/'-joined path, outermost first ("a/b/c" → "a", "a/b").</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        var parts = path.Split('/');
        for (var i = 1; i < parts.Length; i++) yield return string.Join('/', parts.Take(i));
    }
}
