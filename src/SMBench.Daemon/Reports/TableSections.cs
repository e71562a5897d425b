namespace SMBench.Daemon.Reports;

/// <summary>Errors, fidelity and breaks.</summary>
internal static class TableSections
{
    public const int PathsShown = 20;

    public static void Errors(Html html, RunReport r)
    {
        html.Open("errors", "Errors");
        var errors = r.Data.Errors.Values.OrderByDescending(e => e.Count).ThenBy(e => e.Status, StringComparer.Ordinal).ToList();
        if (errors.Count == 0)
        {
            html.Note("No op failed.");
            html.Close();
            return;
        }
        html.Line("<h3>By status</h3>");
        html.Table(["status", "ops", "share of failures", "op types"], errors.Select(e => (IReadOnlyList<Cell>)
        [
            e.Status, Cell.Num(e.Count), Html.Pct((double)e.Count / Math.Max(1, r.Data.Failed)),
            string.Join(", ", e.ByType.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {Html.N(kv.Value)}")),
        ]), id: "errors-by-status", sortable: true);
        html.Line("<h3>By op type</h3>");
        html.Table(["op type", "ops", "failed", "error rate"], SeriesMath.TypesByOps(r.Data).Where(t => t.Failed > 0).Select(t => (IReadOnlyList<Cell>)
        [
            t.Name, Cell.Num(t.Ops), Cell.Num(t.Failed), Cell.Num(t.ErrorRate, Html.Pct(t.ErrorRate)),
        ]), id: "errors-by-type", sortable: true);
        var lines = new List<ChartSeries> { SeriesMath.Rate(r.Series, -1, "all", failedOnly: true) };
        lines.AddRange(SeriesMath.TypesByOps(r.Data).Where(t => t.Failed > 0).Take(ChartSections.TypesCharted)
            .Select(t => SeriesMath.Rate(r.Series, t.Index, t.Name, failedOnly: true)));
        html.Figure(Charts.Lines("Failed ops/s by op type", "time (s)", "failed ops/s", lines, height: 260), "failures over time", "No data.");
        html.Line("<h3>First occurrences</h3>");
        Occurrences(html, errors.SelectMany(e => e.First), "errors-first");
        html.Close();
    }

    public static void Fidelity(Html html, RunReport r)
    {
        html.Open("fidelity", "Fidelity (status as captured)");
        var d = r.Data;
        if (d.Checked == 0)
        {
            html.Note("No op carried an expected status (workloads compiled from a capture do), so fidelity was not checked.");
            html.Close();
            return;
        }
        html.Line($"<p>{Html.N(d.Matched)} of {Html.N(d.Checked)} checked ops got the status the capture got ({Html.Pct((double)d.Matched / d.Checked)}).</p>");
        var kinds = d.Mismatches.OrderByDescending(m => m.Count).ToList();
        if (kinds.Count == 0)
        {
            html.Note("No mismatches.");
            html.Close();
            return;
        }
        html.Line("<h3>Expected vs got</h3>");
        html.Table(["op type", "expected", "got", "ops"], kinds.Select(m => (IReadOnlyList<Cell>)[m.Type, m.Expected, m.Got, Cell.Num(m.Count)]),
            id: "mismatches", sortable: true);
        html.Line("<h3>Top paths</h3>");
        html.Table(["path", "mismatches"], d.MismatchPaths.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(PathsShown).Select(kv => (IReadOnlyList<Cell>)[kv.Key, Cell.Num(kv.Value)]), id: "mismatch-paths");
        if (d.MismatchesOnOtherPaths > 0)
            html.Note($"{Html.N(d.MismatchesOnOtherPaths)} more mismatches on paths beyond the first {Html.N(RunAccumulator.PathsKept)} distinct ones.");
        html.Line("<h3>First occurrences</h3>");
        Occurrences(html, kinds.SelectMany(m => m.First), "mismatches-first");
        html.Close();
    }

    public static void Breaks(Html html, RunReport r)
    {
        html.Open("breaks", "Oplock and lease breaks");
        if (r.Summary is not { } s)
        {
            html.Note("No summary.json, so break counts are unknown.");
            html.Close();
            return;
        }
        var b = s.Breaks;
        html.Table(["received", "acknowledged", "expected (capture)", "mean ack latency", "reconnects"],
        [
            [Cell.Num(b.Received), Cell.Num(b.Acked), b.Expected is { } x ? Cell.Num(x) : "–", Html.Ms(b.MeanAckLatencyMs), Cell.Num(s.Reconnects)],
        ], id: "breaks-table");
        BreakSections.Render(html, r);
        html.Close();
    }

    private static void Occurrences(Html html, IEnumerable<Occurrence> list, string id) =>
        html.Table(["op id", "client", "op type", "status", "path", "error", "completed (s)"], list.OrderBy(o => o.CompletedUs).Select(o => (IReadOnlyList<Cell>)
        [
            o.OpId, o.ClientId, o.Type, o.Status, o.Path ?? "", o.Error ?? "", Cell.Num(o.CompletedUs / 1e6, Html.F(o.CompletedUs / 1e6, "0.000###")),
        ]), id: id, sortable: true);
}
