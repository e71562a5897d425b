namespace SMBench.Smb.Transport;

/// <summary>
/// The client's view of the server's credit grant (MS-SMB2 §3.2.4.1.2, §3.2.5.1.4). A request consuming
/// <c>charge</c> credits takes that many consecutive MessageIds; nothing is sent beyond what was granted. A few
/// credits stay reserved for break acknowledgments so a busy connection can always release other clients.
/// </summary>
public sealed class CreditWindow
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly int _reserve;
    private long _available;
    private ulong _nextMessageId;
    private Exception? _failure;

    public CreditWindow(int initialCredits = 1, int reserve = 2)
    {
        _available = initialCredits;
        _reserve = reserve;
    }

    public long Available
    {
        get { lock (_gate) return _available; }
    }

    /// <summary>
    /// Waits until <paramref name="charge"/> credits are free (leaving the reserve unless <paramref name="useReserve"/>)
    /// and returns the first of the MessageIds they stand for.
    /// </summary>
    public ValueTask<ulong> AcquireAsync(int charge, bool useReserve, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_failure != null) return ValueTask.FromException<ulong>(_failure);
            // Reserve users (break acks) overtake queued ordinary requests: they are what unblocks the server.
            if ((_waiters.Count == 0 || useReserve) && CanTake(charge, useReserve)) return ValueTask.FromResult(Take(charge));
            var waiter = new Waiter(charge, useReserve);
            waiter.Node = _waiters.AddLast(waiter);
            if (ct.CanBeCanceled)
            {
                waiter.Registration = ct.Register(() =>
                {
                    lock (_gate)
                    {
                        if (waiter.Node?.List == null) return;
                        _waiters.Remove(waiter.Node);
                    }
                    waiter.Completion.TrySetCanceled(ct);
                });
            }
            return new ValueTask<ulong>(waiter.Completion.Task);
        }
    }

    /// <summary>Adds credits the server granted in a response (interim or final).</summary>
    public void Grant(int credits)
    {
        if (credits <= 0) return;
        List<(Waiter, ulong)>? ready = null;
        lock (_gate)
        {
            _available += credits;
            var ordinaryBlocked = false;
            for (var node = _waiters.First; node != null;)
            {
                var next = node.Next;
                var w = node.Value;
                if ((w.UseReserve || !ordinaryBlocked) && CanTake(w.Charge, w.UseReserve))
                {
                    _waiters.Remove(node);
                    w.Node = null;
                    (ready ??= []).Add((w, Take(w.Charge)));
                }
                else if (!w.UseReserve)
                {
                    ordinaryBlocked = true; // keep FIFO order among ordinary requests
                }
                node = next;
            }
        }
        if (ready == null) return;
        foreach (var (w, id) in ready)
        {
            w.Registration.Dispose();
            w.Completion.TrySetResult(id);
        }
    }

    /// <summary>The connection died: every waiter and every later acquire fails with <paramref name="failure"/>.</summary>
    public void Fail(Exception failure)
    {
        List<Waiter> waiting;
        lock (_gate)
        {
            _failure ??= failure;
            waiting = [.. _waiters];
            _waiters.Clear();
        }
        foreach (var w in waiting) w.Completion.TrySetException(failure);
    }

    private bool CanTake(int charge, bool useReserve) => _available - (useReserve ? 0 : _reserve) >= charge;

    private ulong Take(int charge)
    {
        _available -= charge;
        var id = _nextMessageId;
        _nextMessageId += (ulong)charge;
        return id;
    }

    private sealed class Waiter(int charge, bool useReserve)
    {
        public int Charge { get; } = charge;
        public bool UseReserve { get; } = useReserve;
        public TaskCompletionSource<ulong> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter>? Node { get; set; }
        public CancellationTokenRegistration Registration { get; set; }
    }
}
