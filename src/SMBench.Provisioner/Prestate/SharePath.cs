namespace SMBench.Provisioner.Prestate;

/// <summary>Share-relative path rules (the IR's): '/' or '\' separated, not absolute, no '..', no empty names.</summary>
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
        if (Path.IsPathRooted(path) || path.Contains(':', StringComparison.Ordinal))
            throw new InvalidDataException($"{where}: '{path}' is absolute; paths are relative to the share root");
        foreach (var part in path.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            if (part is ".." or ".")
                throw new InvalidDataException($"{where}: '{path}' contains '{part}'; paths must stay inside the share root");
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
