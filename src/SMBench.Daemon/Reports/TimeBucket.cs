using HdrHistogram;

namespace SMBench.Daemon.Reports;

/// <summary>
/// What happened in one slice of the run: ops, failures and latency per op type (indexed by the accumulator's
/// type index), and lateness over all types. Latency histograms keep 2 significant digits: enough for a chart,
/// and small enough that a few hundred slices × a dozen types stay within tens of megabytes.
/// </summary>
internal sealed class TimeBucket
{
    public const long HighestTrackableUs = 3_600_000_000;

    public long[] Ops = [];
    public long[] Failed = [];
    public IntHistogram?[] Latency = [];
    public IntHistogram? Lateness;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(int type, long latencyUs, long latenessUs, bool ok)
    {
        if (type >= Ops.Length) Grow(type + 1);
        Ops[type]++;
        if (!ok) Failed[type]++;
        (Latency[type] ??= NewHistogram()).RecordValue(Clamp(latencyUs));
        (Lateness ??= NewHistogram()).RecordValue(Clamp(latenessUs));
    }

    /// <summary>Folds <paramref name="other"/> (the next slice) into this one when the series is coarsened.</summary>
    public void Merge(TimeBucket other)
    {
        if (other.Ops.Length > Ops.Length) Grow(other.Ops.Length);
        for (var t = 0; t < other.Ops.Length; t++)
        {
            Ops[t] += other.Ops[t];
            Failed[t] += other.Failed[t];
            if (other.Latency[t] is { } h) (Latency[t] ??= NewHistogram()).Add(h);
        }
        if (other.Lateness is { } l) (Lateness ??= NewHistogram()).Add(l);
    }

    private void Grow(int n)
    {
        Array.Resize(ref Ops, n);
        Array.Resize(ref Failed, n);
        Array.Resize(ref Latency, n);
    }

    public static IntHistogram NewHistogram() => new(HighestTrackableUs, 2);

    public static long Clamp(long us) => Math.Clamp(us, 0, HighestTrackableUs);
}
