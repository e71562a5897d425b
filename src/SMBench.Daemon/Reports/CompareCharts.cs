namespace SMBench.Daemon.Reports;

/// <summary>Overlaid A/B charts, each run on its own time axis from its start.</summary>
internal static class CompareCharts
{
    public static void Charts(Html html, RunReport a, RunReport b)
    {
        html.Open("compare-charts", "Over time");
        html.Figure(Reports.Charts.Lines("Ops/s (all types)", "time (s)", "ops/s",
            [SeriesMath.Rate(a.Series, -1, "A"), SeriesMath.Rate(b.Series, -1, "B")]), "ops per second, A and B", "No ops were recorded.");
        html.Figure(Reports.Charts.Lines("Latency p99 (all types)", "time (s)", "ms",
            [SeriesMath.Latency(a.Series, -1, 99, "A p99"), SeriesMath.Latency(b.Series, -1, 99, "B p99")]), "p99 latency, A and B", "No ops were recorded.");
        var types = a.Data.Types.Keys.Union(b.Data.Types.Keys)
            .OrderByDescending(t => (a.Data.Types.GetValueOrDefault(t)?.Ops ?? 0) + (b.Data.Types.GetValueOrDefault(t)?.Ops ?? 0))
            .Take(ChartSections.TypesCharted);
        foreach (var name in types)
        {
            var lines = new List<ChartSeries>();
            if (a.Data.Types.GetValueOrDefault(name) is { } ta) lines.Add(SeriesMath.Latency(a.Series, ta.Index, 99, "A p99"));
            if (b.Data.Types.GetValueOrDefault(name) is { } tb) lines.Add(SeriesMath.Latency(b.Series, tb.Index, 99, "B p99"));
            html.Line($"<h3>{Html.E(name)}</h3>");
            html.Figure(Reports.Charts.Lines($"{name} latency p99", "time (s)", "ms", lines, height: 240), $"{name} p99 latency, A and B", "No data.");
        }
        html.Close();
    }
}
