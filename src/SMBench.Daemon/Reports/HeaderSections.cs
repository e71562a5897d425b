namespace SMBench.Daemon.Reports;

/// <summary>The run header and the summary tiles. Tile figures come from summary.json (see <see cref="RunReport"/>).</summary>
internal static class HeaderSections
{
    public static void RunHeader(Html html, RunReport r)
    {
        html.Line("<header id=\"run-header\">");
        html.Table(["", ""], HeaderRows(r).Select(kv => (IReadOnlyList<Cell>)[kv.Key, kv.Value]));
        html.Line("</header>");
    }

    public static IEnumerable<KeyValuePair<string, string>> HeaderRows(RunReport r)
    {
        var s = r.Summary;
        var started = s?.StartedAt ?? r.Info.StartedAt;
        var ended = s?.EndedAt ?? (started is { } st ? st.AddSeconds(r.DurationS) : null);
        var nodes = r.Data.Nodes.Keys.Concat(r.Info.Node is { } n ? [n] : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var timeScale = s?.TimeScale ?? r.Info.TimeScale;
        yield return new("Run", r.Title);
        yield return new("Workload", s?.Workload ?? r.Info.Workload ?? "unknown");
        yield return new("Target", s?.Target ?? r.Info.Target ?? "–");
        yield return new("Mode", s?.Mode ?? r.Info.Mode ?? "unknown");
        yield return new("Backend", s?.Backend ?? r.Info.Backend ?? "unknown");
        yield return new("Time scale", timeScale is { } t ? Html.F(t) : "unknown");
        yield return new("Node(s)", string.Join(", ", nodes) is { Length: > 0 } joined ? joined : "local");
        yield return new("Started", started?.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown");
        yield return new("Ended", ended?.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown");
        yield return new("State", (s?.State ?? "no summary.json (the run did not finish cleanly)") + (s?.Error is { } e ? $": {e}" : ""));
        yield return new("SMBench version", r.Info.SmbenchVersion ?? "unknown");
        yield return new("Results", r.ResultsDir);
    }

    public static void Tiles(Html html, RunReport r)
    {
        html.Open("summary", "Summary");
        var s = r.Summary;
        html.Line("<div class=\"tiles\">");
        Tile(html, "tile-ops", "ops", Html.N(r.OpsTotal), r.OpsTotal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            s is { OpsNotRun: > 0 } ? $"{Html.N(s.OpsNotRun)} not run" : $"{Html.N(r.Data.Types.Count)} op types");
        Tile(html, "tile-errors", "errors", Html.N(r.OpsFailed), r.OpsFailed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Html.Pct(r.ErrorRate), bad: r.OpsFailed > 0);
        Tile(html, "tile-ops-per-s", "ops/s", Html.F(r.OpsPerS, "0.#"), Html.Raw(r.OpsPerS), $"over {Html.F(r.DurationS, "0.###")} s");
        Tile(html, "tile-fidelity", "fidelity", Html.Pct(r.StatusMatchRate), r.StatusMatchRate is { } m ? Html.Raw(m) : "",
            s != null ? $"{Html.N(s.StatusMatched)} of {Html.N(s.StatusChecked)} matched" : $"{Html.N(r.Data.Matched)} of {Html.N(r.Data.Checked)} matched",
            bad: r.StatusMatchRate < 1);
        if (s != null)
        {
            var b = s.Breaks;
            Tile(html, "tile-breaks", "breaks", Html.N(b.Received), b.Received.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{Html.N(b.Acked)} acked" + (b.Expected is { } x ? $", {Html.N(x)} expected" : ""));
            Tile(html, "tile-latency", "latency p50 / p99", $"{Html.Ms(s.LatencyMs.P50)} / {Html.Ms(s.LatencyMs.P99)}", Html.Raw(s.LatencyMs.P99), $"max {Html.Ms(s.LatencyMs.Max)}");
            Tile(html, "tile-clients", "clients", Html.N(s.Clients), s.Clients.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{Html.N(s.Reconnects)} reconnects");
        }
        else
        {
            Tile(html, "tile-breaks", "breaks", "unknown", "", "no summary.json");
        }
        html.Line("</div>");
        if (s != null && s.OpsTotal != r.Data.Ops)
            html.Line($"<p class=\"warn\">summary.json counts {Html.N(s.OpsTotal)} ops but ops.jsonl holds {Html.N(r.Data.Ops)} records.</p>");
        if (r.UnreadableLines > 0)
            html.Line($"<p class=\"warn\">{Html.N(r.UnreadableLines)} unreadable line(s) in ops.jsonl were skipped (a torn tail after a crash?).</p>");
        if (s == null) html.Note("No summary.json: the tiles are computed from ops.jsonl.");
        html.Close();
    }

    private static void Tile(Html html, string id, string label, string value, string dataValue, string sub, bool bad = false) =>
        html.Line($"<div class=\"tile{(bad ? " bad" : "")}\" id=\"{id}\" data-value=\"{Html.E(dataValue)}\"><div class=\"label\">{Html.E(label)}</div>" +
                  $"<div class=\"value\">{Html.E(value)}</div><div class=\"sub\">{Html.E(sub)}</div></div>");
}
