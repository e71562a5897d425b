using System.Globalization;
using System.Text.Json;

namespace SMBench.Core.Ir.Json;

/// <summary>Typed field access on one JSON object, failing with the IR's "missing field" style of message.</summary>
internal readonly struct JsonFields(JsonElement obj, string file, long line, string? opId)
{
    public JsonElement Element => obj;

    /// <summary>The same location context over a nested object.</summary>
    public JsonFields With(JsonElement inner) => new(inner, file, line, opId);

    public bool Has(string name) => obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public WorkloadException Fail(string reason) => new(file, line, opId, reason);

    public string RequiredString(string name, string? alias = null)
        => OptionalString(name, alias) ?? throw Fail($"missing field '{name}'");

    public string? OptionalString(string name, string? alias = null)
    {
        if (!TryGet(name, alias, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => throw Fail($"field '{name}' must be a string"),
        };
    }

    public long RequiredLong(string name) => OptionalLong(name) ?? throw Fail($"missing field '{name}'");

    public long? OptionalLong(string name)
    {
        if (!TryGet(name, null, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
        if (v.ValueKind == JsonValueKind.String && TryParseUnsigned(v.GetString(), out var u) && u <= long.MaxValue)
            return (long)u;
        throw Fail($"field '{name}' must be an integer");
    }

    public int RequiredInt(string name)
    {
        var n = RequiredLong(name);
        if (n is < 0 or > int.MaxValue) throw Fail($"field '{name}' is {n}, outside 0..{int.MaxValue}");
        return (int)n;
    }

    public bool OptionalBool(string name, bool fallback)
    {
        if (!TryGet(name, null, out var v)) return fallback;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"field '{name}' must be true or false"),
        };
    }

    public bool TryGet(string name, string? alias, out JsonElement value)
    {
        // JsonElement.TryGetProperty throws InvalidOperationException on anything but an object.
        if (obj.ValueKind != JsonValueKind.Object) throw Fail($"expected an object with '{name}', found {obj.ValueKind.ToString().ToLowerInvariant()}");
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null) return true;
        return alias != null && obj.TryGetProperty(alias, out value) && value.ValueKind != JsonValueKind.Null;
    }

    /// <summary>Decimal or 0x-prefixed hex.</summary>
    public static bool TryParseUnsigned(string? text, out ulong value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
