using System.Diagnostics;

namespace SMBench.Bench.Engine;

/// <summary>
/// Records every GC's pause while a row runs, by polling <see cref="GC.GetGCMemoryInfo(GCKind)"/> each millisecond
/// (a GC's index tells new ones apart): lateness tails line up with these pauses, so the table shows them.
/// </summary>
internal sealed class GcPauseRecorder : IDisposable
{
    public sealed record Pause(long Index, int Generation, double Ms, bool Background, double AtS);

    private readonly List<Pause> _pauses = [];
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _lastIndex;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public GcPauseRecorder()
    {
        _lastIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;
        _thread = new Thread(Poll) { IsBackground = true, Name = "bench-gc-poll" };
        _thread.Start();
    }

    public IReadOnlyList<Pause> Pauses
    {
        get { lock (_pauses) return [.. _pauses]; }
    }

    private void Poll()
    {
        while (!_stop)
        {
            foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
            {
                var info = GC.GetGCMemoryInfo(kind);
                if (info.Index <= _lastIndex) continue;
                var ms = 0.0;
                foreach (var p in info.PauseDurations) ms += p.TotalMilliseconds;
                lock (_pauses) _pauses.Add(new Pause(info.Index, info.Generation, ms, kind == GCKind.Background, _clock.Elapsed.TotalSeconds));
            }
            _lastIndex = Math.Max(_lastIndex, GC.GetGCMemoryInfo(GCKind.Any).Index);
            Thread.Sleep(1);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    public static string Describe(IReadOnlyList<Pause> pauses)
    {
        if (pauses.Count == 0) return "no GC";
        if (Environment.GetEnvironmentVariable("SMBENCH_BENCH_GC_LIST") == "1")
            Console.WriteLine(string.Join("\n", pauses.Select(p => $"  {p.AtS,7:0.000} s gen{p.Generation}{(p.Background ? " bg" : "")} {p.Ms:0.0} ms")));
        var byGen = pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key)
            .Select(g => $"gen{g.Key}: {g.Count()} × avg {g.Average(p => p.Ms):0.0} ms, max {g.Max(p => p.Ms):0.0} ms");
        return string.Join("; ", byGen);
    }
}
