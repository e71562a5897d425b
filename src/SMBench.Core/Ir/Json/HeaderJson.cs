using System.Text.Json;

namespace SMBench.Core.Ir.Json;

/// <summary>Version, metadata and clients to and from JSON.</summary>
internal static class HeaderJson
{
    public static int ReadVersion(JsonElement v, string file, long line)
    {
        var ok = v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetInt32(out var n) ? n : -1,
            JsonValueKind.String => v.GetString() is "1" or "1.0" or "1.0.0" ? 1 : -1,
            _ => -1,
        };
        if (ok != WorkloadHeader.CurrentVersion)
            throw new WorkloadException(file, line, null,
                $"unknown IR version {v.GetRawText()}; this SMBench reads version {WorkloadHeader.CurrentVersion}");
        return ok;
    }

    public static WorkloadMetadata ReadMetadata(JsonElement m, string file, long line)
    {
        if (m.ValueKind != JsonValueKind.Object) throw new WorkloadException(file, line, null, "'metadata' must be an object");
        var f = new JsonFields(m, file, line, null);
        var extra = new Dictionary<string, JsonElement>();
        foreach (var p in m.EnumerateObject())
            if (p.Name is not ("source" or "duration_seconds" or "client_count")) extra[p.Name] = p.Value.Clone();
        double duration = 0;
        if (f.TryGet("duration_seconds", null, out var d) && (d.ValueKind != JsonValueKind.Number || !d.TryGetDouble(out duration)))
            throw f.Fail("metadata.duration_seconds must be a number");
        return new WorkloadMetadata
        {
            Source = f.OptionalString("source"),
            DurationSeconds = duration,
            ClientCount = (int)(f.OptionalLong("client_count") ?? 0),
            Extra = extra.Count > 0 ? extra : null,
        };
    }

    public static IReadOnlyList<ClientInfo> ReadClients(JsonElement c, string file, long line)
    {
        if (c.ValueKind != JsonValueKind.Array) throw new WorkloadException(file, line, null, "'clients' must be an array");
        var list = new List<ClientInfo>();
        foreach (var e in c.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object) throw new WorkloadException(file, line, null, "each client must be an object");
            var f = new JsonFields(e, file, line, null);
            var extra = new Dictionary<string, JsonElement>();
            foreach (var p in e.EnumerateObject())
                if (p.Name is not ("client_id" or "operation_count")) extra[p.Name] = p.Value.Clone();
            list.Add(new ClientInfo
            {
                ClientId = f.RequiredString("client_id"),
                OperationCount = f.OptionalLong("operation_count") ?? 0,
                Extra = extra.Count > 0 ? extra : null,
            });
        }
        return list;
    }

    public static void WriteMembers(Utf8JsonWriter w, WorkloadHeader h)
    {
        w.WriteNumber("version", h.Version);
        w.WriteStartObject("metadata");
        if (h.Metadata.Source != null) w.WriteString("source", h.Metadata.Source);
        w.WriteNumber("duration_seconds", h.Metadata.DurationSeconds);
        w.WriteNumber("client_count", h.Metadata.ClientCount);
        if (h.Metadata.Extra != null)
            foreach (var (k, v) in h.Metadata.Extra) { w.WritePropertyName(k); v.WriteTo(w); }
        w.WriteEndObject();
        w.WriteStartArray("clients");
        foreach (var c in h.Clients)
        {
            w.WriteStartObject();
            w.WriteString("client_id", c.ClientId);
            w.WriteNumber("operation_count", c.OperationCount);
            if (c.Extra != null)
                foreach (var (k, v) in c.Extra) { w.WritePropertyName(k); v.WriteTo(w); }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
