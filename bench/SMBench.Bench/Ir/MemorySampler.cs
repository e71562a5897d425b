using System.Diagnostics;

namespace SMBench.Bench.Ir;

/// <summary>Samples working set and GC heap on a background thread (and on demand) and keeps the peaks.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakWorkingSet, _peakHeap;

    public MemorySampler()
    {
        BaselineWorkingSet = Environment.WorkingSet;
        BaselineHeap = GC.GetTotalMemory(false);
        _thread = new Thread(Loop) { IsBackground = true, Name = "memory-sampler" };
        _thread.Start();
    }

    public long BaselineWorkingSet { get; }
    public long BaselineHeap { get; }
    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);
    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    public void Sample()
    {
        Max(ref _peakWorkingSet, Environment.WorkingSet);
        Max(ref _peakHeap, GC.GetTotalMemory(false));
    }

    private static void Max(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private void Loop()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        Sample();
    }

    /// <summary>The kernel's high-water mark of resident memory (VmHWM): catches peaks between samples.</summary>
    public static long KernelPeakWorkingSet()
    {
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64;
    }
}
