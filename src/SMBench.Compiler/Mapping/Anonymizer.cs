using System.Security.Cryptography;
using System.Text;

namespace SMBench.Compiler.Mapping;

/// <summary>
/// Keyed HMAC-SHA256 pseudonyms: the same input and key always give the same output, so a path keeps its place in
/// the tree (depth and parent/child relations) and a user stays one user; without the key nothing can be
/// reversed or guessed by trying names. File extensions are kept because storage behaviour depends on them.
/// </summary>
public sealed class Anonymizer
{
    private readonly byte[] _key;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    public Anonymizer(byte[] key)
    {
        if (key.Length < 8) throw new ArgumentException("the anonymization key must be at least 8 bytes", nameof(key));
        _key = key;
    }

    public static Anonymizer FromEnvironment(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException($"--anonymize needs a key in the environment variable {variable} (at least 8 characters)");
        return new Anonymizer(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Each '/'-separated component replaced; extension (last '.' suffix up to 8 chars) kept.</summary>
    public string Path(string path)
    {
        if (path.Length == 0) return path;
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++) parts[i] = Component(parts[i]);
        return string.Join('/', parts);
    }

    public string User(string user) => user.Length == 0 ? user : "user_" + Token("user", user.ToUpperInvariant(), 10);

    public string Address(string address) => "host_" + Token("addr", address, 10);

    private string Component(string name)
    {
        if (name.Length == 0) return name;
        var dot = name.LastIndexOf('.');
        var ext = dot > 0 && name.Length - dot <= 9 ? name[dot..] : "";
        return Token("path", name, 12) + ext;
    }

    private string Token(string domain, string value, int length)
    {
        var cacheKey = domain + "\0" + value;
        if (_cache.TryGetValue(cacheKey, out var cached)) return cached;
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(cacheKey));
        var token = Convert.ToHexStringLower(mac)[..length];
        if (_cache.Count < 1_000_000) _cache[cacheKey] = token;
        return token;
    }
}
