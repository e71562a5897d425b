using System.Diagnostics;

namespace SMBench.Bench.Engine;

/// <summary>
/// Records every GC's pause while a row runs, by polling <see cref="GC.GetGCMemoryInfo(GCKind)"/> each millisecond
/// (a GC's index tells new ones apart): lateness tails line up with these pauses, so the table shows them.
/// </summary>
internal sealed class GcPauseRecorder : IDisposable
{
    public sealed record Pause(long Index, int Generation, double Ms, bool Background, double AtS, long PromotedBytes);

    private readonly List<Pause> _pauses = [];
    private readonly Thread _thread;
    private volatile bool _stop;
    private static readonly GCKind[] Kinds = [GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background];
    // Per kind: a background GC finishes after the ephemeral GCs that ran during it, so one index for all misses it.
    private readonly long[] _lastByKind = new long[Kinds.Length];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public GcPauseRecorder()
    {
        for (var k = 0; k < Kinds.Length; k++) _lastByKind[k] = GC.GetGCMemoryInfo(Kinds[k]).Index;
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
            for (var k = 0; k < Kinds.Length; k++)
            {
                var info = GC.GetGCMemoryInfo(Kinds[k]);
                if (info.Index <= _lastByKind[k]) continue;
                _lastByKind[k] = info.Index;
                var ms = 0.0;
                foreach (var p in info.PauseDurations) ms += p.TotalMilliseconds;
                lock (_pauses)
                    _pauses.Add(new Pause(info.Index, info.Generation, ms, Kinds[k] == GCKind.Background, _clock.Elapsed.TotalSeconds,
                        info.PromotedBytes));
            }
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
            Console.WriteLine(string.Join("\n", pauses.Select(p => $"  {p.AtS,7:0.000} s gen{p.Generation}{(p.Background ? " bg" : "")} {p.Ms:0.0} ms, promoted {p.PromotedBytes / 1048576.0:0.0} MB")));
        var byGen = pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key)
            .Select(g => $"gen{g.Key}: {g.Count()} × avg {g.Average(p => p.Ms):0.0} ms, max {g.Max(p => p.Ms):0.0} ms");
        return string.Join("; ", byGen);
    }
}
