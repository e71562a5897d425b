using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SMBench.Streams.Timing;

/// <summary>
/// Fires callbacks at Stopwatch timestamps with sub-millisecond accuracy. Akka's scheduler ticks every 10 ms, far
/// too coarse for ops due every few microseconds, so the timing stage uses this dedicated thread instead: it waits
/// on a monitor while the deadline is far, sleeps with nanosleep (1 µs timer slack) when it is close, and spins
/// the last 20 µs.
/// </summary>
public sealed class PrecisionTimer : IDisposable
{
    public static readonly PrecisionTimer Shared = new();

    private static readonly long SpinTicks = Stopwatch.Frequency / 200_000;       // 5 µs
    private static readonly long NanosleepTicks = Stopwatch.Frequency / 500;       // 2 ms
    private readonly object _lock = new();
    private readonly PriorityQueue<Action, (long Due, long Seq)> _queue = new();
    private readonly Thread _thread;
    private long _seq;
    private volatile bool _disposed;

    public PrecisionTimer()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "smbench-precision-timer", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="callback"/> on the timer thread at (not before) <paramref name="dueTimestamp"/>.</summary>
    public void Schedule(long dueTimestamp, Action callback)
    {
        lock (_lock)
        {
            _queue.Enqueue(callback, (dueTimestamp, _seq++));
            Monitor.Pulse(_lock);
        }
    }

    private void Loop()
    {
        // Linux lets a sleeping thread wake up to 50 µs late by default (timer slack); 1 µs makes nanosleep precise
        // enough that only the last 20 µs need spinning, which leaves the CPU to the replay itself.
        _ = prctl(PrSetTimerSlack, 1_000, 0, 0, 0);
        // Ahead of everything else in the process when the cores are busy (needs CAP_SYS_NICE; best effort).
        Threading.OsThreadPriority.TrySetCurrent(-5);
        while (!_disposed)
        {
            Action? due = null;
            long remaining;
            lock (_lock)
            {
                if (!_queue.TryPeek(out _, out var next))
                {
                    Monitor.Wait(_lock, 100);
                    continue;
                }
                remaining = next.Due - Stopwatch.GetTimestamp();
                if (remaining <= 0) due = _queue.Dequeue();
                else if (remaining > NanosleepTicks)
                {
                    // Far away: block, but wake early if an earlier deadline arrives.
                    var ms = (int)((remaining - NanosleepTicks) * 1000 / Stopwatch.Frequency);
                    Monitor.Wait(_lock, Math.Max(1, ms));
                    continue;
                }
            }
            if (due != null)
            {
                Invoke(due);
                continue;
            }
            if (remaining > SpinTicks) NanoSleep(remaining - SpinTicks);
            else Thread.SpinWait(30);
        }
    }

    private static void Invoke(Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception e)
        {
            // A failing callback must not kill the clock every run shares.
            Trace.TraceError($"precision timer callback failed: {e}");
        }
    }

    private static void NanoSleep(long ticks)
    {
        var ns = ticks * 1_000_000_000 / Stopwatch.Frequency;
        var ts = new Timespec { Seconds = ns / 1_000_000_000, Nanoseconds = ns % 1_000_000_000 };
        _ = nanosleep(ref ts, IntPtr.Zero);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int nanosleep(ref Timespec req, IntPtr rem);

    private const int PrSetTimerSlack = 29;

    [DllImport("libc", SetLastError = true)]
    private static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    public void Dispose()
    {
        _disposed = true;
        lock (_lock) Monitor.PulseAll(_lock);
    }
}
