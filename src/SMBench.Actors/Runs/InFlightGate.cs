namespace SMBench.Actors.Runs;

/// <summary>
/// Bounds the ops released to clients but not yet finished. Dispatch waits here, which is how a slow target
/// backpressures the timeline instead of letting queues grow without limit. Finished ops release their slot.
/// </summary>
public sealed class InFlightGate(int limit)
{
    private readonly object _lock = new();
    private long _inFlight;
    private TaskCompletionSource? _waiter;
    private long _waitingFor;

    public long InFlight => Interlocked.Read(ref _inFlight);
    public int Limit => limit;

    /// <summary>Takes <paramref name="count"/> slots; completes when they are free (a batch may overshoot an empty gate).</summary>
    public Task AcquireAsync(int count)
    {
        lock (_lock)
        {
            if (_inFlight == 0 || _inFlight + count <= limit)
            {
                _inFlight += count;
                return Task.CompletedTask;
            }
            _waitingFor = count;
            _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }

    public void Release(int count = 1)
    {
        TaskCompletionSource? wake = null;
        lock (_lock)
        {
            _inFlight -= count;
            if (_waiter != null && (_inFlight == 0 || _inFlight + _waitingFor <= limit))
            {
                _inFlight += _waitingFor;
                wake = _waiter;
                _waiter = null;
            }
            if (_inFlight == 0 && _drained != null)
            {
                _drained.TrySetResult();
                _drained = null;
            }
        }
        wake?.TrySetResult();
    }

    private TaskCompletionSource? _drained;

    /// <summary>Completes when nothing is in flight.</summary>
    public Task WhenDrainedAsync()
    {
        lock (_lock)
        {
            if (_inFlight == 0) return Task.CompletedTask;
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }
}
