namespace SMBench.Core.Results;

/// <summary>
/// A <see cref="SummaryBuilder"/> that the results sink feeds while others (status requests, progress lines) read
/// snapshots. One lock per results batch keeps it cheap.
/// </summary>
public sealed class LiveSummary(RunSummary template, IResultObserver? observer = null)
{
    private readonly object _lock = new();
    private readonly SummaryBuilder _builder = new();

    public RunSummary Template { get; set; } = template;

    public void AddRange(IReadOnlyList<OpResult> results)
    {
        lock (_lock)
            foreach (var r in results) _builder.Add(r);
        observer?.OnResults(results);
    }

    public long Completed
    {
        get { lock (_lock) return _builder.Total; }
    }

    public long Failed
    {
        get { lock (_lock) return _builder.Failed; }
    }

    public void Update(Action<SummaryBuilder> change)
    {
        lock (_lock) change(_builder);
    }

    public RunSummary Snapshot(double? durationS = null, long opsNotRun = 0)
    {
        lock (_lock) return _builder.Build(Template, durationS, opsNotRun);
    }
}
