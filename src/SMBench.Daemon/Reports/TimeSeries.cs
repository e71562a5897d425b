namespace SMBench.Daemon.Reports;

/// <summary>
/// The run cut into at most <see cref="MaxBuckets"/> equal slices by completion time. Slices start at the width
/// the expected duration suggests (one second for runs over a few minutes); a record beyond the last slice doubles
/// the width and merges neighbours, so the series never grows past the cap however long the run.
/// </summary>
internal sealed class TimeSeries
{
    public const int MaxBuckets = 200;
    private TimeBucket?[] _buckets = new TimeBucket?[MaxBuckets];

    public TimeSeries(double expectedDurationS)
    {
        var wanted = (long)(expectedDurationS * 1e6 / (MaxBuckets * 0.8));
        WidthUs = NiceWidths.FirstOrDefault(w => w >= wanted, 1_000_000);
        if (wanted > WidthUs) WidthUs = 1_000_000;
    }

    // Slices no finer than 10 ms (a short test run) and at most 1 s to start with; coarsening takes it from there.
    private static readonly long[] NiceWidths = [10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

    public long WidthUs { get; private set; }

    /// <summary>Number of slices up to the last one holding data.</summary>
    public int Count { get; private set; }

    public TimeBucket? this[int i] => _buckets[i];

    public TimeBucket At(long timeUs)
    {
        var i = Math.Max(0, timeUs) / WidthUs;
        while (i >= MaxBuckets)
        {
            Coarsen();
            i = Math.Max(0, timeUs) / WidthUs;
        }
        if ((int)i >= Count) Count = (int)i + 1;
        return _buckets[i] ??= new TimeBucket();
    }

    private void Coarsen()
    {
        var merged = new TimeBucket?[MaxBuckets];
        for (var i = 0; i < MaxBuckets; i += 2)
        {
            var a = _buckets[i];
            var b = _buckets[i + 1];
            if (a != null && b != null) a.Merge(b);
            merged[i / 2] = a ?? b;
        }
        _buckets = merged;
        WidthUs *= 2;
        Count = (Count + 1) / 2;
    }
}
