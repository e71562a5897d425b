using System.Text.Json;

namespace SMBench.Daemon.Reports;

/// <summary>Per-client and per-node tables, and the workload's compile report.</summary>
internal static class ClientSections
{
    /// <summary>A browser handles this many rows comfortably; the busiest clients are the ones shown.</summary>
    public const int ClientsShown = 2000;

    public static void Clients(Html html, RunReport r)
    {
        html.Open("clients", "Clients");
        var clients = r.Data.Clients.Values.OrderByDescending(c => c.Ops).ThenBy(c => c.ClientId, StringComparer.Ordinal).ToList();
        html.Table(["client", "node", "ops", "failed", "mismatched", "bytes", "mean latency", "max latency", "max lateness"],
            clients.Take(ClientsShown).Select(c => (IReadOnlyList<Cell>)
            [
                c.ClientId, c.Node ?? "", Cell.Num(c.Ops), Cell.Num(c.Failed), Cell.Num(c.Mismatched), Cell.Num(c.Bytes),
                Cell.Num(c.MeanLatencyMs, Html.Ms(c.MeanLatencyMs)), Cell.Num(c.LatencyMaxUs / 1000.0, Html.Ms(c.LatencyMaxUs / 1000.0)),
                Cell.Num(c.LatenessMaxUs / 1000.0, Html.Ms(c.LatenessMaxUs / 1000.0)),
            ]), id: "clients-table", sortable: true);
        if (clients.Count > ClientsShown) html.Note($"Showing the {ClientsShown} busiest of {Html.N(clients.Count)} clients.");
        else html.Note("Click a column header to sort.");
        if (r.Data.Nodes.Count > 0)
        {
            html.Line("<h3>Nodes</h3>");
            html.Table(["node", "ops"], r.Data.Nodes.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => (IReadOnlyList<Cell>)[kv.Key, Cell.Num(kv.Value)]), id: "nodes-table");
        }
        html.Close();
    }

    public static void CompileReport(Html html, RunReport r)
    {
        html.Open("compile-report", "Compile report");
        if (r.CompileReport is not { ValueKind: JsonValueKind.Object } report)
        {
            html.Note("The workload has no compile-report.json (it was not compiled from a capture, or the file is gone).");
            html.Close();
            return;
        }
        var scalars = new List<IReadOnlyList<Cell>>();
        var maps = new List<JsonProperty>();
        foreach (var p in report.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object && p.Name != "time_span") maps.Add(p);
            else scalars.Add([p.Name, Scalar(p.Value)]);
        }
        html.Table(["field", "value"], scalars, id: "compile-fields");
        foreach (var m in maps.Where(m => m.Value.EnumerateObject().Any()))
        {
            html.Line($"<h3>{Html.E(m.Name)}</h3>");
            html.Table(["key", "value"], m.Value.EnumerateObject().Select(p => (IReadOnlyList<Cell>)[p.Name, Scalar(p.Value)]));
        }
        html.Close();
    }

    private static Cell Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Number when v.TryGetInt64(out var n) => Cell.Num(n),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Array => string.Join("; ", v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
        JsonValueKind.Object => string.Join(", ", v.EnumerateObject().Select(p => $"{p.Name}: {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}")),
        _ => v.GetRawText(),
    };
}
