using SMBench.Core.Results;

namespace SMBench.Daemon.Reports;

/// <summary>
/// The per-break part of the breaks section, from <c>breaks.jsonl</c>: answers by kind with ack latency
/// percentiles, breaks over time with their ack latency, and the first breaks of the run.
/// </summary>
internal static class BreakSections
{
    private const int MaxSamples = 100_000, TimeBuckets = 20, FirstShown = 20;

    public static void Render(Html html, RunReport r)
    {
        var byAnswer = new SortedDictionary<string, List<long>>(StringComparer.Ordinal);
        var first = new List<BreakRecord>();
        var all = new List<(long At, long Latency)>();
        foreach (var b in BreakJournal.ReadAll(r.ResultsDir))
        {
            var key = $"{b.Kind} → {b.NewLevel}: {b.Action}";
            if (!byAnswer.TryGetValue(key, out var list)) byAnswer[key] = list = [];
            if (list.Count < MaxSamples) list.Add(b.AckLatencyUs);
            if (first.Count < FirstShown) first.Add(b);
            if (all.Count < MaxSamples) all.Add((b.AtUs, b.AckLatencyUs));
        }
        if (all.Count == 0)
        {
            html.Note("No breaks were recorded in breaks.jsonl for this run.");
            return;
        }
        html.Line("<h3>Answers and ack latency</h3>");
        html.Table(["break → new state: answer", "breaks", "ack p50", "ack p99", "ack max"], byAnswer.Select(kv =>
        {
            var sorted = kv.Value.Order().ToList();
            return (IReadOnlyList<Cell>)[kv.Key, Cell.Num(sorted.Count), Html.Ms(P(sorted, 50) / 1000.0), Html.Ms(P(sorted, 99) / 1000.0),
                Html.Ms(sorted[^1] / 1000.0)];
        }), id: "breaks-by-answer");

        html.Line("<h3>Breaks over time</h3>");
        var start = all.Min(b => b.At);
        var width = Math.Max(1, (all.Max(b => b.At) - start) / TimeBuckets + 1);
        html.Table(["from (s)", "breaks", "mean ack latency"], all.GroupBy(b => (b.At - start) / width).OrderBy(g => g.Key).Select(g =>
            (IReadOnlyList<Cell>)[Cell.Num((start + g.Key * width) / 1e6, Html.F((start + g.Key * width) / 1e6, "0.000")),
                Cell.Num(g.Count()), Html.Ms(g.Average(b => b.Latency) / 1000.0)]), id: "breaks-over-time");

        html.Line("<h3>First breaks</h3>");
        html.Table(["at (s)", "client", "kind", "new state", "answer", "ack latency", "handles"], first.Select(b => (IReadOnlyList<Cell>)
        [
            Cell.Num(b.AtUs / 1e6, Html.F(b.AtUs / 1e6, "0.000")), b.ClientId, b.Kind, b.NewLevel, b.Action + (b.Error != null ? $" ({b.Error})" : ""),
            Html.Ms(b.AckLatencyUs / 1000.0), Cell.Num(b.Handles),
        ]), id: "breaks-first");
    }

    private static long P(List<long> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
