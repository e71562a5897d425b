using System.Text;
using System.Text.Unicode;

namespace SMBench.Core.Ir.Json;

/// <summary>
/// Shares the strings that repeat across a workload's ops — client ids, op types, handle refs, paths — so a
/// million parsed ops do not carry a million copies of a few thousand values (allocation rate drives the GC
/// pauses that show up as lateness). One pool per thread; bounded, after which values are simply not shared.
/// </summary>
internal sealed class Utf8StringPool
{
    private const int MaxEntries = 32_768;
    private const int MaxLength = 256;

    [ThreadStatic] private static Utf8StringPool? t_pool;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private Utf8StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Utf8StringPool ForThisThread => t_pool ??= new Utf8StringPool();

    /// <summary>The string for valid, unescaped UTF-8 <paramref name="utf8"/>; null when it must be decoded the long way.</summary>
    public string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || !Utf8.IsValid(utf8)) return null;
        Span<char> chars = stackalloc char[MaxLength];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        if (_lookup.TryGetValue(chars[..n], out var shared)) return shared;
        var s = new string(chars[..n]);
        if (_strings.Count < MaxEntries) _strings.Add(s);
        return s;
    }
}
