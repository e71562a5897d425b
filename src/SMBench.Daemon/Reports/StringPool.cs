using System.Text;

namespace SMBench.Daemon.Reports;

/// <summary>
/// Interns the low-cardinality strings of a journal (op types, statuses, client ids, nodes) straight from their
/// UTF-8 bytes, so a million records cost a handful of string allocations instead of millions.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 256) return Intern(Encoding.UTF8.GetString(utf8));
        Span<char> chars = stackalloc char[256];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        if (_lookup.TryGetValue(chars[..n], out var found)) return found;
        var s = new string(chars[..n]);
        _strings.Add(s, s);
        return s;
    }

    public string Intern(string s)
    {
        if (_strings.TryGetValue(s, out var found)) return found;
        _strings.Add(s, s);
        return s;
    }
}
