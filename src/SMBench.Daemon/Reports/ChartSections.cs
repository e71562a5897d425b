using HdrHistogram;

namespace SMBench.Daemon.Reports;

/// <summary>Throughput, latency and lateness over time.</summary>
internal static class ChartSections
{
    /// <summary>Small multiples beyond this many op types would bury the reader; the rest are in the table.</summary>
    public const int TypesCharted = 12;

    public static string SliceNote(TimeSeries s) =>
        $"Each point is a {Html.F(s.WidthUs / 1e6, "0.###")} s slice of the run, by completion time.";

    public static void Throughput(Html html, RunReport r)
    {
        html.Open("throughput", "Throughput");
        var s = r.Series;
        var lines = new List<ChartSeries> { SeriesMath.Rate(s, -1, "all") };
        lines.AddRange(SeriesMath.TypesByOps(r.Data).Take(TypesCharted).Select(t => SeriesMath.Rate(s, t.Index, t.Name)));
        html.Figure(Charts.Lines("Ops/s by op type", "time (s)", "ops/s", lines), "ops per second over time by op type", "No ops were recorded.");
        html.Note(SliceNote(s));
        html.Close();
    }

    public static void Latency(Html html, RunReport r)
    {
        html.Open("latency", "Latency");
        var types = SeriesMath.TypesByOps(r.Data);
        html.Table(["op type", "ops", "p50", "p95", "p99", "max", "bytes"], types.Select(t => (IReadOnlyList<Cell>)
        [
            t.Name, Cell.Num(t.Ops), Cell.Num(t.LatencyMs(50), Html.Ms(t.LatencyMs(50))), Cell.Num(t.LatencyMs(95), Html.Ms(t.LatencyMs(95))),
            Cell.Num(t.LatencyMs(99), Html.Ms(t.LatencyMs(99))), Cell.Num(t.MaxLatencyMs, Html.Ms(t.MaxLatencyMs)), Cell.Num(t.Bytes),
        ]), id: "latency-by-type", sortable: true);
        foreach (var t in types.Take(TypesCharted))
        {
            html.Line($"<h3>{Html.E(t.Name)}</h3>");
            ChartSeries[] lines =
            [
                SeriesMath.Latency(r.Series, t.Index, 50, "p50"), SeriesMath.Latency(r.Series, t.Index, 95, "p95"),
                SeriesMath.Latency(r.Series, t.Index, 99, "p99"),
            ];
            html.Figure(Charts.Lines($"{t.Name} latency p50/p95/p99", "time (s)", "ms", lines, height: 240),
                $"{t.Name} latency percentiles over time", "No data.");
        }
        if (types.Count > TypesCharted) html.Note($"{types.Count - TypesCharted} less frequent op types are in the table only.");
        html.Note(SliceNote(r.Series) + " Per-slice percentiles keep 2 significant digits; the table keeps 3.");
        html.Close();
    }

    public static void Lateness(Html html, RunReport r)
    {
        html.Open("lateness", "Lateness (issued after due)");
        var h = r.Data.Lateness;
        if (h.TotalCount > 0)
            html.Line($"<p>p50 {Html.Ms(h.GetValueAtPercentile(50) / 1000.0)}, p99 {Html.Ms(h.GetValueAtPercentile(99) / 1000.0)}, " +
                      $"max {Html.Ms(h.GetMaxValue() / 1000.0)} over {Html.N(h.TotalCount)} ops.</p>");
        var (labels, counts) = SeriesMath.Decades(h);
        html.Figure(Charts.Bars("Lateness histogram", "lateness", "ops", labels, counts, height: 260), "lateness histogram", "No ops were recorded.");
        ChartSeries[] lines =
        [
            SeriesMath.Lateness(r.Series, 50, "p50"), SeriesMath.Lateness(r.Series, 99, "p99"), SeriesMath.Lateness(r.Series, 100, "max"),
        ];
        html.Figure(Charts.Lines("Lateness over time", "time (s)", "ms", lines, height: 260), "lateness over time", "No ops were recorded.");
        html.Close();
    }
}
