using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace SMBench.Smb.Protocol;

/// <summary>
/// Name table for <see cref="NtStatus"/>, built once from its public static fields so a new code needs one line
/// (the field) and its STATUS_ name follows from the field name (PascalCase → UPPER_SNAKE).
/// </summary>
internal static class NtStatusNames
{
    private static readonly FrozenDictionary<uint, string> ByValue;
    private static readonly FrozenDictionary<string, uint> ByName;

    // Names whose spelling the PascalCase rule would get wrong.
    private static readonly Dictionary<string, string> Overrides = new(StringComparer.Ordinal)
    {
        ["FileIsADirectory"] = "STATUS_FILE_IS_A_DIRECTORY",
        ["NotADirectory"] = "STATUS_NOT_A_DIRECTORY",
        ["NotAReparsePoint"] = "STATUS_NOT_A_REPARSE_POINT",
    };

    static NtStatusNames()
    {
        var byValue = new Dictionary<uint, string>();
        var byName = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in typeof(NtStatus).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.FieldType != typeof(NtStatus)) continue;
            var value = ((NtStatus)field.GetValue(null)!).Value;
            var name = Overrides.TryGetValue(field.Name, out var o) ? o : "STATUS_" + ToUpperSnake(field.Name);
            byValue.TryAdd(value, name);
            byName[name] = value;
        }
        ByValue = byValue.ToFrozenDictionary();
        ByName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static bool TryGetName(uint value, out string name) => ByValue.TryGetValue(value, out name!);

    /// <summary>Every known code and its name (for layers that keep their own status text, e.g. results).</summary>
    public static IEnumerable<KeyValuePair<uint, string>> All => ByValue;

    public static bool TryGetValue(string name, out uint value) => ByName.TryGetValue(name, out value);

    private static string ToUpperSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c)) sb.Append('_');
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
