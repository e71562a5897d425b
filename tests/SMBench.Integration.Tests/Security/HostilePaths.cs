using SMBench.Core.Ir;

namespace SMBench.Integration.Tests.Security;

/// <summary>
/// IR paths that try to leave the replay root: traversal, absolute and UNC paths, drive letters, encoded dots,
/// stream and device names. Validation rejects most of them; the backends must hold even when handed them directly.
/// </summary>
internal static class HostilePaths
{
    public static readonly IReadOnlyList<string> All =
    [
        "..", "../sentinel.txt", "../../sentinel.txt", "a/../../sentinel.txt", "..\\..\\sentinel.txt", "./../x",
        "/sentinel.txt", "\\sentinel.txt", "\\\\127.0.0.1\\share\\sentinel.txt", "//127.0.0.1/share/sentinel.txt",
        "C:\\sentinel.txt", "C:sentinel.txt", "c:/x", "..:$DATA", "..::$INDEX_ALLOCATION", "x/..:stream",
        "%2e%2e/sentinel.txt", "..%5csentinel.txt", "\u2025/sentinel.txt", "...", ".. ", "..\t",
        "CON", "NUL", "aux.txt", "COM1", "LPT1.txt", "file.txt:ads", "file.txt:ads:$DATA", "dir/x\0y",
    ];

    /// <summary>Every op kind that names a path, on this path (renames both ways).</summary>
    public static IEnumerable<IrOperation> Attempts(string path, int n)
    {
        var id = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return new OpenOp { OpId = "o" + id, ClientId = "c", TimestampUs = 0, Path = path, Mode = OpenMode.Write, Handle = "h" + id };
        yield return new MkdirOp { OpId = "m" + id, ClientId = "c", TimestampUs = 0, Path = path + "-dir" };
        yield return new DeleteOp { OpId = "d" + id, ClientId = "c", TimestampUs = 0, Path = path };
        yield return new RmdirOp { OpId = "r" + id, ClientId = "c", TimestampUs = 0, Path = path };
        yield return new StatOp { OpId = "s" + id, ClientId = "c", TimestampUs = 0, Path = path };
        yield return new ListOp { OpId = "l" + id, ClientId = "c", TimestampUs = 0, Path = path };
        yield return new RenameOp { OpId = "n" + id, ClientId = "c", TimestampUs = 0, SourcePath = "inside.txt", DestPath = path };
        yield return new RenameOp { OpId = "N" + id, ClientId = "c", TimestampUs = 0, SourcePath = path, DestPath = "moved-in.txt" };
    }
}
