using SMBench.Streams.Runs;

namespace SMBench.Daemon.Cli;

/// <summary>Replay progress as a progress step: ops done of total, ops/s, failures.</summary>
internal sealed class ReplayProgressAdapter(IProgress<ProgressStep> target) : IProgress<ReplayProgress>
{
    public void Report(ReplayProgress p)
    {
        var rate = p.Elapsed.TotalSeconds > 0 ? p.Completed / p.Elapsed.TotalSeconds : 0;
        var total = p.Total > 0 ? $"/{p.Total:N0}" : "";
        target.Report(new ProgressStep(p.Completed, p.Total, $"{p.State}, {p.Completed:N0}{total} ops, {rate:N0} ops/s, {p.Failed:N0} failed"));
    }
}
