using HdrHistogram;

namespace SMBench.Daemon.Reports;

/// <summary>Turns the accumulated time series into chart lines.</summary>
internal static class SeriesMath
{
    /// <summary>Op types ordered by how many ops they had, most first.</summary>
    public static List<TypeStats> TypesByOps(RunAccumulator data) =>
        data.Types.Values.OrderByDescending(t => t.Ops).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

    public static double X(TimeSeries s, int i) => i * s.WidthUs / 1e6;

    /// <summary>Ops per second in each slice for one type (-1 = all types).</summary>
    public static ChartSeries Rate(TimeSeries s, int type, string label, bool failedOnly = false)
    {
        var xs = new double[s.Count];
        var ys = new double[s.Count];
        var width = s.WidthUs / 1e6;
        for (var i = 0; i < s.Count; i++)
        {
            xs[i] = X(s, i);
            var b = s[i];
            if (b == null) continue;
            var counts = failedOnly ? b.Failed : b.Ops;
            long n = 0;
            if (type < 0) foreach (var c in counts) n += c;
            else if (type < counts.Length) n = counts[type];
            ys[i] = n / width;
        }
        return new ChartSeries(label, xs, ys);
    }

    /// <summary>Latency percentile per slice (ms) for one type (-1 = all types); slices without ops are left out.</summary>
    public static ChartSeries Latency(TimeSeries s, int type, double percentile, string label)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < s.Count; i++)
        {
            var h = type < 0 ? Combined(s[i]) : s[i] is { } b && type < b.Latency.Length ? b.Latency[type] : null;
            if (h == null || h.TotalCount == 0) continue;
            xs.Add(X(s, i));
            ys.Add(h.GetValueAtPercentile(percentile) / 1000.0);
        }
        return new ChartSeries(label, xs.ToArray(), ys.ToArray());
    }

    public static ChartSeries Lateness(TimeSeries s, double percentile, string label)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < s.Count; i++)
        {
            if (s[i]?.Lateness is not { TotalCount: > 0 } h) continue;
            xs.Add(X(s, i));
            ys.Add((percentile >= 100 ? h.GetMaxValue() : h.GetValueAtPercentile(percentile)) / 1000.0);
        }
        return new ChartSeries(label, xs.ToArray(), ys.ToArray());
    }

    private static IntHistogram? Combined(TimeBucket? b)
    {
        if (b == null) return null;
        IntHistogram? all = null;
        foreach (var h in b.Latency)
            if (h != null) (all ??= TimeBucket.NewHistogram()).Add(h);
        return all;
    }

    /// <summary>Decade bins of a µs histogram: labels and counts, from the first non-empty bin to the last.</summary>
    public static (List<string> Labels, List<double> Counts) Decades(LongHistogram h)
    {
        string[] labels = ["<10 µs", "10–100 µs", "0.1–1 ms", "1–10 ms", "10–100 ms", "0.1–1 s", "1–10 s", "10–100 s", "≥100 s"];
        var counts = new double[labels.Length];
        foreach (var v in h.RecordedValues())
        {
            var bin = 0;
            for (long edge = 10; bin < labels.Length - 1 && v.ValueIteratedTo >= edge; edge *= 10) bin++;
            counts[bin] += v.CountAddedInThisIterationStep;
        }
        var first = Array.FindIndex(counts, c => c > 0);
        var last = Array.FindLastIndex(counts, c => c > 0);
        if (first < 0) return ([], []);
        return (labels[first..(last + 1)].ToList(), counts[first..(last + 1)].ToList());
    }
}
