using SMBench.Core.Ir;

namespace SMBench.Compiler.Mapping;

/// <summary>
/// Puts operations in request order although responses complete out of order (across connections, and within
/// one when the server answers concurrent requests in another order or goes async). Every request that will
/// become operations reserves a slot when it is seen; operations leave in slot order once all earlier slots are
/// done. A slot whose response never comes (lost by the capture) is abandoned after <see cref="MaxWaitUs"/> of
/// capture time or when the queue reaches <see cref="MaxSlots"/>, so memory stays bounded by what is in flight.
/// </summary>
public sealed class OperationSequencer
{
    private readonly Queue<Slot> _slots = new();
    private readonly Action<IrOperation> _emit;
    private readonly Action<Slot> _abandoned;

    public OperationSequencer(Action<IrOperation> emit, Action<Slot> abandoned)
    {
        _emit = emit;
        _abandoned = abandoned;
    }

    public long MaxWaitUs { get; init; } = 120_000_000;

    public int MaxSlots { get; init; } = 65_536;

    public int Count => _slots.Count;

    public Slot Reserve(long requestTimestampUs, string command)
    {
        var slot = new Slot(requestTimestampUs, command);
        _slots.Enqueue(slot);
        while (_slots.Count > MaxSlots) AbandonHead();
        return slot;
    }

    /// <summary>Emits what is ready; abandons head slots older than the wait limit at <paramref name="nowUs"/>.</summary>
    public void Advance(long nowUs)
    {
        while (_slots.Count > 0)
        {
            var head = _slots.Peek();
            if (head.State == SlotState.Waiting)
            {
                if (nowUs - head.TimestampUs <= MaxWaitUs) return;
                AbandonHead();
                continue;
            }
            _slots.Dequeue();
            if (head.State == SlotState.Done)
                foreach (var op in head.Operations) _emit(op);
        }
    }

    /// <summary>End of input: everything done is emitted in order, everything still waiting is abandoned.</summary>
    public void Drain()
    {
        while (_slots.Count > 0) AbandonHead();
    }

    private void AbandonHead()
    {
        var head = _slots.Dequeue();
        if (head.State == SlotState.Waiting)
        {
            head.State = SlotState.Abandoned;
            _abandoned(head);
        }
        else if (head.State == SlotState.Done)
        {
            foreach (var op in head.Operations) _emit(op);
        }
    }

    public enum SlotState
    {
        Waiting,
        Done,
        Abandoned,
    }

    public sealed class Slot
    {
        internal Slot(long timestampUs, string command)
        {
            TimestampUs = timestampUs;
            Command = command;
        }

        public long TimestampUs { get; }

        public string Command { get; }

        public SlotState State { get; internal set; }

        public List<IrOperation> Operations { get; } = [];

        /// <summary>The response arrived: <paramref name="ops"/> (possibly none) replace the slot.</summary>
        public void Complete(IEnumerable<IrOperation> ops)
        {
            if (State != SlotState.Waiting) return;
            Operations.AddRange(ops);
            State = SlotState.Done;
        }

        /// <summary>The request will not become operations after all (e.g. the connection went away).</summary>
        public void Cancel()
        {
            if (State == SlotState.Waiting) State = SlotState.Abandoned;
        }
    }
}
