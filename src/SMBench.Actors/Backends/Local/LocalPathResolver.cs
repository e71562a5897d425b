using SMBench.Core.Ir;
using SMBench.Core.Results;

namespace SMBench.Actors.Backends.Local;

/// <summary>
/// Maps IR paths into the local root and guarantees nothing outside it can be touched: the IR path is normalised
/// (no absolute, no '..'), and no existing component below the root may be a symbolic link (a link could point
/// anywhere).
/// </summary>
public sealed class LocalPathResolver
{
    private readonly string _root;

    public LocalPathResolver(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Root => _root;

    public string Resolve(string irPath)
    {
        var normalized = SharePath.TryNormalize(irPath, out var error)
            ?? throw new BackendRefusedException("STATUS_OBJECT_NAME_INVALID", error!);
        var full = normalized.Length == 0 ? _root : Path.GetFullPath(Path.Combine(_root, normalized));
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new BackendRefusedException(StatusText.Normalize("STATUS_ACCESS_DENIED")!, $"path '{irPath}' leaves the replay root");
        var current = _root;
        foreach (var part in normalized.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if (info.LinkTarget != null || new DirectoryInfo(current).LinkTarget != null)
                    throw new BackendRefusedException("STATUS_ACCESS_DENIED",
                        $"path '{irPath}' goes through a symbolic link; the local backend never follows links");
            }
            else break;
        }
        return full;
    }
}
