namespace SMBench.Actors.Clients;

/// <summary>
/// A client's handle_ref → live handle map. An op on a handle waits while its open is in flight, fails fast when the
/// open failed, and a close waits for the ops still running on that handle.
/// </summary>
internal sealed class HandleTable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public enum State { Opening, Open, Failed, Closed }

    public sealed class Entry
    {
        public State State;
        public object? Handle;
        public string? FailReason;
        public int InFlight;
        /// <summary>Breaks in progress on this handle: its ops wait while above zero.</summary>
        public int Held;
    }

    /// <summary>The entries whose live handle is one of <paramref name="handles"/> (by reference).</summary>
    public IEnumerable<Entry> Matching(IReadOnlyList<object> handles) =>
        _entries.Values.Where(e => e.Handle != null && handles.Any(h => ReferenceEquals(h, e.Handle)));

    public Entry? Get(string handleRef) => _entries.GetValueOrDefault(handleRef);

    public void Opening(string handleRef) => _entries[handleRef] = new Entry { State = State.Opening };

    public void Opened(string handleRef, object? handle)
    {
        var e = _entries[handleRef];
        e.State = State.Open;
        e.Handle = handle;
    }

    public void OpenFailed(string handleRef, string reason)
    {
        var e = _entries[handleRef];
        e.State = State.Failed;
        e.FailReason = reason;
    }

    /// <summary>
    /// Forgets a closed handle. A valid workload never uses a handle_ref after its close, and a looping replay names
    /// every pass's handles anew (<c>h1#2</c>): keeping closed entries would grow the table with every pass.
    /// </summary>
    public void Closed(string handleRef) => _entries.Remove(handleRef);

    public IEnumerable<object> LiveHandles() =>
        _entries.Values.Where(e => e.State == State.Open && e.Handle != null).Select(e => e.Handle!);
}
