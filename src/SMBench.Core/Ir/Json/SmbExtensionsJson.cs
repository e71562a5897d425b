using System.Text.Json;

namespace SMBench.Core.Ir.Json;

/// <summary>Reads and writes <c>extensions.smb_protocol</c> entries. Accepts numbers, hex text and spec names.</summary>
internal static class SmbExtensionsJson
{
    private static readonly HashSet<string> Known =
    [
        "access_mask", "share_mode", "share_access", "disposition", "create_options", "file_attributes",
        "requested_oplock", "lease", "durable", "on_break",
    ];

    private static readonly Dictionary<string, uint> Dispositions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["supersede"] = 0, ["open"] = 1, ["create"] = 2, ["open_if"] = 3, ["overwrite"] = 4, ["overwrite_if"] = 5,
    };

    private static readonly Dictionary<string, uint> ShareBits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["read"] = 1, ["write"] = 2, ["delete"] = 4, ["none"] = 0,
    };

    private static readonly Dictionary<string, byte> OplockLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = 0, ["level_ii"] = 1, ["ii"] = 1, ["exclusive"] = 8, ["batch"] = 9, ["lease"] = 0xFF,
    };

    public static SmbOpExtensions Read(JsonFields f)
    {
        Dictionary<string, JsonElement>? extra = null;
        foreach (var p in f.Element.EnumerateObject())
        {
            if (Known.Contains(p.Name)) continue;
            (extra ??= [])[p.Name] = p.Value.Clone();
        }
        return new SmbOpExtensions
        {
            AccessMask = Flags(f, "access_mask", null),
            ShareAccess = Flags(f, "share_mode", ShareBits) ?? Flags(f, "share_access", ShareBits),
            Disposition = Named(f, "disposition", Dispositions),
            CreateOptions = Flags(f, "create_options", null),
            FileAttributes = Flags(f, "file_attributes", null),
            RequestedOplock = OplockLevel(f),
            Lease = Lease(f),
            Durable = Durable(f),
            OnBreak = OnBreak(f),
            Extra = extra,
        };
    }

    private static uint? Flags(JsonFields f, string name, Dictionary<string, uint>? names)
    {
        if (!f.TryGet(name, null, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt32(out var n)) return n;
        if (v.ValueKind == JsonValueKind.String)
        {
            var text = v.GetString()!;
            if (JsonFields.TryParseUnsigned(text, out var u) && u <= uint.MaxValue) return (uint)u;
            if (names != null) return Combine(f, name, text.Split(['|', ',', ' '], StringSplitOptions.RemoveEmptyEntries), names);
        }
        if (v.ValueKind == JsonValueKind.Array && names != null)
            return Combine(f, name, v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()), names);
        throw f.Fail($"field '{name}' must be a number, hex text{(names != null ? " or names" : "")}");
    }

    private static uint Combine(JsonFields f, string field, IEnumerable<string> parts, Dictionary<string, uint> names)
    {
        uint value = 0;
        foreach (var part in parts)
        {
            if (!names.TryGetValue(part.Replace("FILE_SHARE_", "", StringComparison.OrdinalIgnoreCase), out var bit))
                throw f.Fail($"field '{field}': unknown flag '{part}'");
            value |= bit;
        }
        return value;
    }

    private static uint? Named(JsonFields f, string name, Dictionary<string, uint> names)
    {
        if (!f.TryGet(name, null, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt32(out var n)) return n;
        var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        if (JsonFields.TryParseUnsigned(text, out var u) && u <= uint.MaxValue) return (uint)u;
        if (names.TryGetValue(text.Replace("FILE_", "", StringComparison.OrdinalIgnoreCase), out var named)) return named;
        throw f.Fail($"field '{name}': unknown value '{v.GetRawText()}' (expected {string.Join(", ", names.Keys)})");
    }

    private static byte? OplockLevel(JsonFields f)
    {
        if (!f.TryGet("requested_oplock", null, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetByte(out var n)) return n;
        var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        if (JsonFields.TryParseUnsigned(text, out var u) && u <= 0xFF) return (byte)u;
        var key = text.Replace("SMB2_OPLOCK_LEVEL_", "", StringComparison.OrdinalIgnoreCase);
        if (OplockLevels.TryGetValue(key, out var level)) return level;
        throw f.Fail($"field 'requested_oplock': unknown level '{text}' (none, level_ii, exclusive, batch, lease)");
    }

    private static LeaseRequest? Lease(JsonFields f)
    {
        if (!f.TryGet("lease", null, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Object) throw f.Fail("field 'lease' must be an object");
        var l = f.With(v);
        var key = l.OptionalString("key") ?? throw f.Fail("lease: missing field 'key'");
        if (key.Length != 32 || !key.All(Uri.IsHexDigit)) throw f.Fail("lease.key must be 32 hex digits (16 bytes)");
        var state = (l.OptionalString("state") ?? "").ToUpperInvariant();
        if (state.Any(c => c is not ('R' or 'W' or 'H'))) throw f.Fail($"lease.state '{state}' must use the letters R, W, H");
        return new LeaseRequest(key, state, (int)(l.OptionalLong("version") ?? 2), l.OptionalString("parent_key"),
            (int)(l.OptionalLong("epoch") ?? 0));
    }

    private static DurableRequest? Durable(JsonFields f)
    {
        if (!f.TryGet("durable", null, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Object) throw f.Fail("field 'durable' must be an object");
        var d = f.With(v);
        var version = (int)(d.OptionalLong("version") ?? 2);
        if (version is not (1 or 2)) throw f.Fail($"durable.version must be 1 or 2, not {version}");
        return new DurableRequest(version, (uint)(d.OptionalLong("timeout_ms") ?? 0), d.OptionalBool("persistent", false),
            d.OptionalString("create_guid"));
    }

    private static IReadOnlyList<BreakResponse>? OnBreak(JsonFields f)
    {
        if (!f.TryGet("on_break", null, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Array) throw f.Fail("field 'on_break' must be an array");
        var list = new List<BreakResponse>();
        foreach (var e in v.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object) throw f.Fail("each on_break entry must be an object {action, level}");
            var b = f.With(e);
            var action = b.OptionalString("action") ?? "ack";
            if (action is not ("ack" or "close")) throw f.Fail($"on_break action '{action}' must be 'ack' or 'close'");
            list.Add(new BreakResponse(action, b.OptionalString("level")));
        }
        return list;
    }

    public static void Write(Utf8JsonWriter w, SmbOpExtensions x)
    {
        w.WriteStartObject();
        if (x.AccessMask is { } am) w.WriteString("access_mask", $"0x{am:x8}");
        if (x.ShareAccess is { } sa) w.WriteNumber("share_mode", sa);
        if (x.Disposition is { } d) w.WriteNumber("disposition", d);
        if (x.CreateOptions is { } co) w.WriteString("create_options", $"0x{co:x8}");
        if (x.FileAttributes is { } fa) w.WriteString("file_attributes", $"0x{fa:x8}");
        if (x.RequestedOplock is { } o) w.WriteNumber("requested_oplock", o);
        if (x.Lease is { } l)
        {
            w.WriteStartObject("lease");
            w.WriteString("key", l.Key);
            w.WriteString("state", l.State);
            w.WriteNumber("version", l.Version);
            if (l.ParentKey != null) w.WriteString("parent_key", l.ParentKey);
            if (l.Epoch != 0) w.WriteNumber("epoch", l.Epoch);
            w.WriteEndObject();
        }
        if (x.Durable is { } du)
        {
            w.WriteStartObject("durable");
            w.WriteNumber("version", du.Version);
            if (du.TimeoutMs != 0) w.WriteNumber("timeout_ms", du.TimeoutMs);
            if (du.Persistent) w.WriteBoolean("persistent", true);
            if (du.CreateGuid != null) w.WriteString("create_guid", du.CreateGuid);
            w.WriteEndObject();
        }
        if (x.OnBreak is { } breaks)
        {
            w.WriteStartArray("on_break");
            foreach (var b in breaks)
            {
                w.WriteStartObject();
                w.WriteString("action", b.Action);
                if (b.Level != null) w.WriteString("level", b.Level);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (x.Extra != null)
            foreach (var (k, v) in x.Extra) { w.WritePropertyName(k); v.WriteTo(w); }
        w.WriteEndObject();
    }
}
