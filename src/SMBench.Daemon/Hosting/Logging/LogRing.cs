using System.Threading.Channels;

namespace SMBench.Daemon.Hosting.Logging;

/// <summary>
/// The last N log entries of the daemon (Microsoft.Extensions.Logging and, through it, Akka's logging) for
/// <c>GET /api/logs</c>, plus live subscriptions for streaming. Slow subscribers drop their oldest lines rather
/// than slow down the logging thread.
/// </summary>
public sealed class LogRing(int capacity)
{
    private readonly LogEntry?[] _entries = new LogEntry?[Math.Max(16, capacity)];
    private readonly List<Channel<LogEntry>> _subscribers = [];
    private readonly object _lock = new();
    private long _seq;

    public int Capacity => _entries.Length;

    public void Append(DateTimeOffset time, string level, string category, string message, string? exception)
    {
        lock (_lock)
        {
            var entry = new LogEntry(++_seq, time, level, category, message, exception);
            _entries[entry.Seq % _entries.Length] = entry;
            foreach (var s in _subscribers) s.Writer.TryWrite(entry);
        }
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public IReadOnlyList<LogEntry> Tail(int count)
    {
        lock (_lock)
        {
            var n = (int)Math.Min(Math.Min(count, _entries.Length), _seq);
            var result = new List<LogEntry>(Math.Max(0, n));
            for (var seq = _seq - n + 1; seq <= _seq; seq++)
                if (_entries[seq % _entries.Length] is { } e) result.Add(e);
            return result;
        }
    }

    /// <summary>Entries after the tail returned with it; dispose the subscription to stop.</summary>
    public Subscription Subscribe(int tail)
    {
        var channel = Channel.CreateBounded<LogEntry>(new BoundedChannelOptions(1024)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        lock (_lock)
        {
            var backlog = Tail(tail);
            _subscribers.Add(channel);
            return new Subscription(this, channel, backlog);
        }
    }

    private void Unsubscribe(Channel<LogEntry> channel)
    {
        lock (_lock) _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }

    public sealed class Subscription(LogRing owner, Channel<LogEntry> channel, IReadOnlyList<LogEntry> backlog) : IDisposable
    {
        public IReadOnlyList<LogEntry> Backlog { get; } = backlog;
        public ChannelReader<LogEntry> Reader => channel.Reader;
        public void Dispose() => owner.Unsubscribe(channel);
    }
}
