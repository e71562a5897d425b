namespace SMBench.Daemon.Ctl;

/// <summary>
/// The arguments after <c>palette command</c>: positionals, <c>--name value</c> / <c>-x value</c> options and bare
/// flags (the names in <c>flags</c>, or an option followed by another option or by nothing).
/// </summary>
public sealed class CtlArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CtlArgs(IEnumerable<string> tokens, params string[] flags)
    {
        var list = tokens.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var t = list[i];
            if (t.StartsWith('-') && t.Length > 1 && !double.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                var name = t.TrimStart('-');
                var eq = name.IndexOf('=');
                if (eq > 0) _options[name[..eq]] = name[(eq + 1)..];
                else if (flags.Contains(name)) _options[name] = null;
                else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal)) _options[name] = list[++i];
                else _options[name] = null;
            }
            else Positionals.Add(t);
        }
    }

    public List<string> Positionals { get; } = [];

    public bool Flag(params string[] names) => names.Any(_options.ContainsKey);

    public string? Option(params string[] names)
    {
        foreach (var n in names)
            if (_options.TryGetValue(n, out var v)) return v;
        return null;
    }

    public int Int(int fallback, params string[] names)
    {
        var text = Option(names);
        if (text == null) return fallback;
        return int.TryParse(text, out var n) && n >= 0 ? n : throw new CtlException(2, $"-{names[0]} wants a whole number, not '{text}'");
    }

    public string Required(int index, string what)
        => index < Positionals.Count ? Positionals[index] : throw new CtlException(2, $"missing {what}");

    /// <summary>Options not in <paramref name="known"/> are a usage error (catches typos like --time_scale).</summary>
    public void OnlyKnown(params string[] known)
    {
        var unknown = _options.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0) throw new CtlException(2, $"unknown option(s): {string.Join(", ", unknown.Select(u => (u.Length == 1 ? "-" : "--") + u))}");
    }
}
