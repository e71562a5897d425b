using SMBench.Core.Results;
using SMBench.Streams.Threading;

namespace SMBench.Streams.Results;

/// <summary>
/// Writes grouped results to the journal and the live summary on a dedicated, niced thread. Serializing a group
/// of thousands of records takes milliseconds; on the thread pool that work would sit in front of due releases.
/// </summary>
/// <remarks>A plain monitor queue: the thread sleeps between groups without the spinning of a blocking task wait.</remarks>
internal sealed class JournalWriter
{
    private readonly object _lock = new();
    // Unbounded is safe: every result holds an in-flight slot until written, so the gate bounds this queue.
    private readonly Queue<OpResult[]> _groups = new();
    private bool _completed;
    private Exception? _upstreamError;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ResultsJournal _journal;
    private readonly LiveSummary _live;
    private readonly Action<int> _journaled;

    public JournalWriter(ResultsJournal journal, LiveSummary live, Action<int> journaled)
    {
        _journal = journal;
        _live = live;
        _journaled = journaled;
        new Thread(Loop) { IsBackground = true, Name = "smbench-journal" }.Start();
    }

    /// <summary>Completes when every group handed in is on disk (faulted if the journal could not be written).</summary>
    public Task Done => _done.Task;

    public void Write(OpResult[] group)
    {
        lock (_lock)
        {
            _groups.Enqueue(group);
            Monitor.Pulse(_lock);
        }
    }

    /// <summary>No more groups; <paramref name="error"/> is the results stream's failure, if any.</summary>
    public void Complete(Exception? error = null)
    {
        lock (_lock)
        {
            _completed = true;
            _upstreamError = error;
            Monitor.Pulse(_lock);
        }
    }

    private void Loop()
    {
        OsThreadPriority.TrySetCurrent(OsThreadPriority.Background);
        Exception? failure = null;
        while (Next() is { } group)
        {
            if (failure == null)
            {
                try
                {
                    foreach (var r in group) _journal.Append(r);
                    _journal.Flush();
                    _live.AddRange(group);
                }
                catch (Exception e)
                {
                    // Disk full, I/O error: the run is failed when it ends, but slots still come back (below), so the
                    // run drains and ends instead of waiting forever on a gate nothing would release.
                    failure = e;
                }
            }
            _journaled(group.Length);
        }
        var error = failure ?? _upstreamError;
        if (error != null) _done.TrySetException(error);
        else _done.TrySetResult();
    }

    private OpResult[]? Next()
    {
        lock (_lock)
        {
            while (_groups.Count == 0 && !_completed) Monitor.Wait(_lock);
            return _groups.Count > 0 ? _groups.Dequeue() : null;
        }
    }
}
