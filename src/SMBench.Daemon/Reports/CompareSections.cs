namespace SMBench.Daemon.Reports;

/// <summary>The tables of a comparison.</summary>
internal static class CompareSections
{
    public static void Header(Html html, RunReport a, RunReport b)
    {
        html.Line("<header id=\"compare-header\">");
        var rowsA = HeaderSections.HeaderRows(a).ToList();
        var rowsB = HeaderSections.HeaderRows(b).ToList();
        html.Table(["", "A", "B"], rowsA.Zip(rowsB).Select(p => (IReadOnlyList<Cell>)
            [p.First.Key, p.First.Value, p.Second.Value + (p.First.Value != p.Second.Value && p.First.Key is "Workload" or "Mode" or "Time scale" ? " (differs)" : "")]));
        if (a.OpsTotal != b.OpsTotal) html.Line("<p class=\"warn\">The two runs did not issue the same number of ops; compare rates rather than counts.</p>");
        html.Line("</header>");
    }

    public static void Summary(Html html, RunReport a, RunReport b)
    {
        html.Open("compare-summary", "Summary");
        var sa = a.Summary;
        var sb = b.Summary;
        var rows = new List<IReadOnlyList<Cell>>
        {
            Row("ops", a.OpsTotal, b.OpsTotal, Html.N, higherIsWorse: null),
            Row("errors", a.OpsFailed, b.OpsFailed, Html.N, higherIsWorse: true),
            RowD("error rate", a.ErrorRate, b.ErrorRate, v => Html.Pct(v), true, percentPoints: true),
            RowD("ops/s", a.OpsPerS, b.OpsPerS, v => Html.F(v, "0.#"), higherIsWorse: false),
            RowD("duration (s)", a.DurationS, b.DurationS, v => Html.F(v, "0.###"), higherIsWorse: null),
            RowD("fidelity", a.StatusMatchRate ?? double.NaN, b.StatusMatchRate ?? double.NaN, v => double.IsNaN(v) ? "–" : Html.Pct(v), false, percentPoints: true),
        };
        if (sa != null && sb != null)
        {
            rows.Add(RowD("latency p50 (ms)", sa.LatencyMs.P50, sb.LatencyMs.P50, v => Html.F(v), true));
            rows.Add(RowD("latency p99 (ms)", sa.LatencyMs.P99, sb.LatencyMs.P99, v => Html.F(v), true));
            rows.Add(RowD("lateness p99 (ms)", sa.LatenessMs.P99, sb.LatenessMs.P99, v => Html.F(v), true));
            rows.Add(Row("breaks received", sa.Breaks.Received, sb.Breaks.Received, Html.N, higherIsWorse: null));
            rows.Add(Row("reconnects", sa.Reconnects, sb.Reconnects, Html.N, higherIsWorse: true));
        }
        html.Table(["metric", "A", "B", "B − A", "change"], rows, id: "compare-summary-table");
        html.Close();
    }

    public static void LatencyByType(Html html, RunReport a, RunReport b)
    {
        html.Open("compare-latency", "Latency per op type");
        var rows = Types(a, b).Select(name =>
        {
            var ta = a.Data.Types.GetValueOrDefault(name);
            var tb = b.Data.Types.GetValueOrDefault(name);
            return (IReadOnlyList<Cell>)
            [
                name, Cell.Num(ta?.Ops ?? 0), Cell.Num(tb?.Ops ?? 0),
                Ms(ta, 50), Ms(tb, 50), Ms(ta, 99), Ms(tb, 99),
                .. Delta(ta?.LatencyMs(99) ?? double.NaN, tb?.LatencyMs(99) ?? double.NaN, v => Html.F(v) + " ms", higherIsWorse: true),
            ];
        });
        html.Table(["op type", "ops A", "ops B", "p50 A", "p50 B", "p99 A", "p99 B", "p99 B − A", "p99 change"], rows, id: "compare-p99", sortable: true);
        html.Close();
    }

    public static void Errors(Html html, RunReport a, RunReport b)
    {
        html.Open("compare-errors", "Error rates");
        html.Table(["op type", "error rate A", "error rate B", "B − A", "change"], Types(a, b).Select(name =>
        {
            var ra = a.Data.Types.GetValueOrDefault(name)?.ErrorRate ?? double.NaN;
            var rb = b.Data.Types.GetValueOrDefault(name)?.ErrorRate ?? double.NaN;
            return (IReadOnlyList<Cell>)[name, Html.Pct(ra), Html.Pct(rb), .. Delta(ra, rb, v => Html.Pct(v), true, percentPoints: true)];
        }), id: "compare-error-rates", sortable: true);
        var statuses = a.Data.Errors.Keys.Union(b.Data.Errors.Keys).Order(StringComparer.Ordinal).ToList();
        html.Line("<h3>Failures by status</h3>");
        if (statuses.Count == 0)
        {
            html.Note("No op failed in either run.");
            html.Close();
            return;
        }
        html.Table(["status", "A", "B", "B − A"], statuses.Select(s =>
        {
            var na = a.Data.Errors.GetValueOrDefault(s)?.Count ?? 0;
            var nb = b.Data.Errors.GetValueOrDefault(s)?.Count ?? 0;
            return (IReadOnlyList<Cell>)[s, Cell.Num(na), Cell.Num(nb), Cell.Num(nb - na)];
        }), id: "compare-errors-by-status", sortable: true);
        html.Close();
    }

    public static void Fidelity(Html html, RunReport a, RunReport b)
    {
        html.Open("compare-fidelity", "Fidelity");
        html.Table(["", "A", "B"],
        [
            ["checked", Cell.Num(a.Data.Checked), Cell.Num(b.Data.Checked)],
            ["matched", Cell.Num(a.Data.Matched), Cell.Num(b.Data.Matched)],
            ["match rate", Html.Pct(a.StatusMatchRate), Html.Pct(b.StatusMatchRate)],
        ]);
        var ka = a.Data.Mismatches.ToDictionary(m => $"{m.Type}: {m.Expected} → {m.Got}", m => m.Count);
        var kb = b.Data.Mismatches.ToDictionary(m => $"{m.Type}: {m.Expected} → {m.Got}", m => m.Count);
        var keys = ka.Keys.Union(kb.Keys).OrderByDescending(k => Math.Max(ka.GetValueOrDefault(k), kb.GetValueOrDefault(k))).ToList();
        if (keys.Count == 0) html.Note("Neither run had a fidelity mismatch.");
        else
            html.Table(["mismatch (expected → got)", "A", "B", "B − A"], keys.Select(k => (IReadOnlyList<Cell>)
                [k, Cell.Num(ka.GetValueOrDefault(k)), Cell.Num(kb.GetValueOrDefault(k)), Cell.Num(kb.GetValueOrDefault(k) - ka.GetValueOrDefault(k))]),
                id: "compare-mismatches", sortable: true);
        html.Close();
    }

    private static IEnumerable<string> Types(RunReport a, RunReport b) =>
        a.Data.Types.Keys.Union(b.Data.Types.Keys)
            .OrderByDescending(t => (a.Data.Types.GetValueOrDefault(t)?.Ops ?? 0) + (b.Data.Types.GetValueOrDefault(t)?.Ops ?? 0))
            .ThenBy(t => t, StringComparer.Ordinal);

    private static Cell Ms(TypeStats? t, double p) => t == null ? "–" : Cell.Num(t.LatencyMs(p), Html.Ms(t.LatencyMs(p)));

    private static IReadOnlyList<Cell> Row(string name, long va, long vb, Func<long, string> fmt, bool? higherIsWorse) =>
        [name, fmt(va), fmt(vb), .. Delta(va, vb, v => fmt((long)v), higherIsWorse)];

    private static IReadOnlyList<Cell> RowD(string name, double va, double vb, Func<double, string> fmt, bool? higherIsWorse, bool percentPoints = false) =>
        [name, fmt(va), fmt(vb), .. Delta(va, vb, fmt, higherIsWorse, percentPoints)];

    /// <summary>The difference and the relative change; the change cell carries a class the page colours.</summary>
    private static Cell[] Delta(double a, double b, Func<double, string> fmt, bool? higherIsWorse, bool percentPoints = false)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return ["–", "–"];
        var d = b - a;
        var diff = new Cell((d > 0 ? "+" : "") + (percentPoints ? Html.F(d * 100, "0.##") + " pp" : fmt(d)), d);
        var rel = a == 0 ? (d == 0 ? 0 : double.PositiveInfinity) : d / Math.Abs(a);
        var text = double.IsInfinity(rel) ? "new" : (rel > 0 ? "+" : "") + Html.F(rel * 100, "0.#") + " %";
        var verdict = higherIsWorse is not { } worse || Math.Abs(rel) < 0.05 ? "" : (d > 0) == worse ? "worse" : "better";
        return [diff, new Cell(verdict.Length == 0 ? text : $"{text} ({verdict})", double.IsInfinity(rel) ? double.MaxValue : rel)];
    }
}
