using System.Threading.Channels;
using SMBench.Core.Results;
using SMBench.Streams.Threading;

namespace SMBench.Streams.Results;

/// <summary>
/// Writes grouped results to the journal and the live summary on a dedicated, niced thread. Serializing a group
/// of thousands of records takes milliseconds; on the thread pool that work would sit in front of due releases.
/// </summary>
internal sealed class JournalWriter
{
    private readonly Channel<IReadOnlyList<OpResult>> _groups = Channel.CreateUnbounded<IReadOnlyList<OpResult>>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
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

    // Unbounded is safe: every result holds an in-flight slot until written, so the gate bounds this queue.
    public void Write(IReadOnlyList<OpResult> group) => _groups.Writer.TryWrite(group);

    public void Complete(Exception? error = null) => _groups.Writer.TryComplete(error);

    private void Loop()
    {
        OsThreadPriority.TrySetCurrent(OsThreadPriority.Background);
        var reader = _groups.Reader;
        try
        {
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var group))
                {
                    foreach (var r in group) _journal.Append(r);
                    _journal.Flush();
                    _live.AddRange(group);
                    _journaled(group.Count);
                }
            }
            _done.TrySetResult();
        }
        catch (Exception e)
        {
            _done.TrySetException(e);
        }
    }
}
