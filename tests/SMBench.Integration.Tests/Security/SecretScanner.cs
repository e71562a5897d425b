using System.Text;

namespace SMBench.Integration.Tests.Security;

/// <summary>
/// Looks for secrets in everything a run left behind: each secret in several encodings (text, UTF-16, hex either
/// case and with spaces, base64, raw bytes), in every file under the given directories and in captured text.
/// Findings name the secret's label, the form and the place, never the secret itself.
/// </summary>
internal sealed class SecretScanner
{
    private readonly List<(string Label, string Form, byte[] Bytes)> _needles = [];

    public int Count => _needles.Select(n => n.Label).Distinct(StringComparer.Ordinal).Count();

    public void AddPassword(string label, string password)
    {
        var utf8 = Encoding.UTF8.GetBytes(password);
        Add(label, "text", utf8);
        Add(label, "utf-16", Encoding.Unicode.GetBytes(password));
        Add(label, "base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(utf8)));
        Add(label, "hex", Encoding.ASCII.GetBytes(Convert.ToHexString(utf8)));
        Add(label, "hex-lower", Encoding.ASCII.GetBytes(Convert.ToHexString(utf8).ToLowerInvariant()));
    }

    public void AddKey(string label, byte[] key)
    {
        var hex = Convert.ToHexString(key);
        Add(label, "raw", key);
        Add(label, "hex", Encoding.ASCII.GetBytes(hex));
        Add(label, "hex-lower", Encoding.ASCII.GetBytes(hex.ToLowerInvariant()));
        Add(label, "hex-spaced", Encoding.ASCII.GetBytes(string.Join(' ', key.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))));
        Add(label, "base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        // Samba's dump_data layout: two groups of eight separated by three spaces.
        Add(label, "hex-dump", Encoding.ASCII.GetBytes(string.Join(' ', key.Take(8).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))
            + "   " + string.Join(' ', key.Skip(8).Take(8).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))));
        // The first half alone: a key printed across two lines (or truncated) still leaks most of itself.
        Add(label, "hex-half", Encoding.ASCII.GetBytes(hex[..(hex.Length / 2)]));
    }

    private void Add(string label, string form, byte[] bytes) => _needles.Add((label, form, bytes));

    /// <summary>The labels whose secret occurs in the text, in any form.</summary>
    public IReadOnlySet<string> LabelsFoundIn(string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        return _needles.Where(n => content.AsSpan().IndexOf(n.Bytes) >= 0).Select(n => n.Label).ToHashSet(StringComparer.Ordinal);
    }

    public IEnumerable<string> ScanDirectory(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).SelectMany(f => Scan(f, File.ReadAllBytes(f)))
            : [];

    public IEnumerable<string> ScanText(string where, string text) => Scan(where, Encoding.UTF8.GetBytes(text));

    private IEnumerable<string> Scan(string where, byte[] content)
    {
        foreach (var (label, form, bytes) in _needles)
        {
            var at = content.AsSpan().IndexOf(bytes);
            if (at >= 0) yield return $"{label} ({form}) in {where} at byte {at}";
        }
    }
}
