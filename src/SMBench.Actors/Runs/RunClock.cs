using System.Diagnostics;

namespace SMBench.Actors.Runs;

/// <summary>
/// The run's time base: Stopwatch ticks since time zero. Due times, issue times and completion times all come from
/// here, so lateness is measured on one monotonic clock. Time zero is set once, when every client is connected and
/// the timeline is primed, so neither connecting nor warming up shows as lateness.
/// </summary>
public sealed class RunClock
{
    private long _start;

    public RunClock(long startTimestamp) => _start = startTimestamp;

    /// <summary>A clock whose time zero is not set yet (reads as far before it until <see cref="StartAt"/>).</summary>
    public static RunClock Unstarted() => new(long.MaxValue / 4);

    public static RunClock StartingIn(TimeSpan delay) => new(Stopwatch.GetTimestamp() + Ticks(delay));

    public long StartTimestamp => Volatile.Read(ref _start);

    public void StartAt(long timestamp) => Volatile.Write(ref _start, timestamp);

    public void StartIn(TimeSpan delay) => StartAt(Stopwatch.GetTimestamp() + Ticks(delay));

    /// <summary>Microseconds since time zero (negative before it).</summary>
    public long NowUs => ToUs(Stopwatch.GetTimestamp());

    public long ToUs(long timestamp) => (long)((timestamp - StartTimestamp) * (1_000_000.0 / Stopwatch.Frequency));

    public long ToTimestamp(long us) => StartTimestamp + (long)(us * (Stopwatch.Frequency / 1_000_000.0));

    private static long Ticks(TimeSpan t) => (long)(t.TotalSeconds * Stopwatch.Frequency);
}
