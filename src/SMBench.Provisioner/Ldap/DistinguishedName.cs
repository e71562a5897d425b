using System.Text;

namespace SMBench.Provisioner.Ldap;

/// <summary>Just enough DN handling (RFC 4514) to build user DNs and walk a base DN's parents.</summary>
public static class DistinguishedName
{
    /// <summary>Splits a DN into its RDNs, honouring backslash escapes.</summary>
    public static IReadOnlyList<string> Split(string dn)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < dn.Length; i++)
        {
            var c = dn[i];
            if (c == '\\' && i + 1 < dn.Length)
            {
                current.Append(c).Append(dn[++i]);
            }
            else if (c == ',')
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0) parts.Add(current.ToString().Trim());
        return parts;
    }

    /// <summary>The parent of a DN, or null for a single-RDN DN.</summary>
    public static string? Parent(string dn)
    {
        var parts = Split(dn);
        return parts.Count <= 1 ? null : string.Join(',', parts.Skip(1));
    }

    /// <summary>Attribute type of the first RDN (e.g. "OU"), and its value unescaped.</summary>
    public static (string Type, string Value) FirstRdn(string dn)
    {
        var rdn = Split(dn)[0];
        var eq = rdn.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new ArgumentException($"'{dn}' is not a valid DN", nameof(dn));
        return (rdn[..eq].Trim(), Unescape(rdn[(eq + 1)..].Trim()));
    }

    /// <summary>
    /// The naming context a DN lives in: its trailing DC= components, or its last RDN for suffixes such as o=example.
    /// </summary>
    public static string DomainRoot(string dn)
    {
        var parts = Split(dn);
        var dcs = parts.SkipWhile(p => !p.StartsWith("dc=", StringComparison.OrdinalIgnoreCase)).ToList();
        return dcs.Count == 0 ? parts[^1] : string.Join(',', dcs);
    }

    /// <summary>"lab.test" from "...,DC=lab,DC=test"; null when the DN has no DC components.</summary>
    public static string? DnsDomain(string dn)
    {
        var labels = Split(dn).Where(p => p.StartsWith("dc=", StringComparison.OrdinalIgnoreCase)).Select(p => p[3..]).ToList();
        return labels.Count == 0 ? null : string.Join('.', labels);
    }

    /// <summary>Escapes an attribute value for use inside an RDN.</summary>
    public static string EscapeValue(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var special = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '='
                          || (i == 0 && c is ' ' or '#')
                          || (i == value.Length - 1 && c == ' ');
            if (special) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Escapes a value for an LDAP search filter (RFC 4515).</summary>
    public static string EscapeFilter(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            _ = c switch
            {
                '*' => sb.Append("\\2a"),
                '(' => sb.Append("\\28"),
                ')' => sb.Append("\\29"),
                '\\' => sb.Append("\\5c"),
                '\0' => sb.Append("\\00"),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    /// <summary>Case-insensitive DN comparison after normalising spaces around separators.</summary>
    public static bool AreEqual(string a, string b)
        => string.Equals(string.Join(',', Split(a)), string.Join(',', Split(b)), StringComparison.OrdinalIgnoreCase);

    private static string Unescape(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length) i++;
            sb.Append(value[i]);
        }
        return sb.ToString();
    }
}
