using SMBench.Streams.Runs;

namespace SMBench.Daemon.Cli;

/// <summary>
/// Replay progress for people: a live line rewritten in place on a terminal, a plain line every few seconds on
/// stderr otherwise, nothing under --json (stdout then holds only the summary).
/// </summary>
internal sealed class ProgressReporter : IProgress<ReplayProgress>, IDisposable
{
    private readonly bool _live;
    private readonly bool _silent;
    private DateTime _lastPlain = DateTime.MinValue;
    private bool _drewLine;

    private ProgressReporter(bool live, bool silent)
    {
        _live = live;
        _silent = silent;
    }

    public static ProgressReporter Create(bool json) => new(!json && !Console.IsOutputRedirected, json);

    public void Report(ReplayProgress p)
    {
        if (_silent) return;
        var rate = p.Elapsed.TotalSeconds > 0 ? p.Completed / p.Elapsed.TotalSeconds : 0;
        var total = p.Total > 0 ? $"/{p.Total:N0}" : "";
        var eta = p.Total > 0 && rate > 0 ? $" eta {TimeSpan.FromSeconds((p.Total - p.Completed) / rate):hh\\:mm\\:ss}" : "";
        var line = $"[{p.State}] {p.Completed:N0}{total} ops  {rate:N0} ops/s  {p.Failed:N0} failed{eta}";
        if (_live)
        {
            Console.Write("\r" + line.PadRight(Console.WindowWidth > 0 ? Math.Min(Console.WindowWidth - 1, 100) : 80));
            _drewLine = true;
        }
        else if (DateTime.UtcNow - _lastPlain > TimeSpan.FromSeconds(5))
        {
            Console.Error.WriteLine(line);
            _lastPlain = DateTime.UtcNow;
        }
    }

    public void Dispose()
    {
        if (_drewLine) Console.WriteLine();
        _drewLine = false;
    }
}
