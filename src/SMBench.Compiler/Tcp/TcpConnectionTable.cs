using SMBench.Compiler.Framing;

namespace SMBench.Compiler.Tcp;

/// <summary>
/// Live connections by 4-tuple. Closed connections leave the table at once; idle ones are closed once the
/// table is full, oldest first, so a capture of a port scan or a fragment flood cannot grow it without bound.
/// </summary>
public sealed class TcpConnectionTable
{
    private readonly Dictionary<TcpConnectionKey, TcpConnection> _live = [];
    private readonly HashSet<TcpConnectionKey> _ignored = [];
    private readonly Func<TcpEndpoint, TcpEndpoint, long, Setup?> _handlerFactory;
    private readonly ReassemblyLimits _limits;
    private readonly int _maxLive;
    private long _nextId;

    /// <param name="handlerFactory">Sets up a new connection (first endpoint seen is the sender); null ignores it.</param>
    public TcpConnectionTable(Func<TcpEndpoint, TcpEndpoint, long, Setup?> handlerFactory, ReassemblyLimits limits, int maxLiveConnections = 65536)
    {
        _handlerFactory = handlerFactory;
        _limits = limits;
        _maxLive = maxLiveConnections;
    }

    /// <summary>The handler of a new connection and how many non-SMB bytes it may see before it is ignored (0: never).</summary>
    public sealed record Setup(IConnectionMessageHandler Handler, long ProbeLimit);

    public ReassemblyStats Reassembly { get; } = new();

    public FramingStats Framing { get; } = new();

    /// <summary>Connections handed to a handler (ignored ones not included).</summary>
    public long ConnectionsSeen => _nextId;

    public long ConnectionsEvicted { get; private set; }

    public long ConnectionsIgnored { get; private set; }

    public int LiveCount => _live.Count;

    public void OnSegment(in TcpSegment segment)
    {
        var key = TcpConnectionKey.Of(segment.Source, segment.Destination);
        if (_live.TryGetValue(key, out var conn) && conn.IsRestartedBy(segment))
        {
            conn.Close(segment.Frame);
            _live.Remove(key);
            conn = null;
        }
        if (conn == null)
        {
            if (_ignored.Contains(key)) return;
            // A lone RST or FIN without data opens nothing worth tracking.
            if (segment.Payload.Count == 0 && !segment.Syn) return;
            if (_live.Count >= _maxLive) EvictOldest(segment.Frame);
            var setup = _handlerFactory(segment.Source, segment.Destination, _nextId + 1);
            if (setup == null)
            {
                ConnectionsIgnored++;
                if (_ignored.Count >= _maxLive) _ignored.Clear();
                _ignored.Add(key);
                return;
            }
            var id = ++_nextId;
            conn = new TcpConnection(id, segment.Source, segment.Destination, setup.Handler, _limits, Reassembly, Framing, setup.ProbeLimit);
            _live[key] = conn;
        }
        conn.OnSegment(segment);
        if (conn.Closed) _live.Remove(key);
    }

    /// <summary>End of capture: every connection still open ends here.</summary>
    public void CloseAll(long frame)
    {
        foreach (var c in _live.Values.OrderBy(c => c.Id)) c.Close(frame);
        _live.Clear();
    }

    private void EvictOldest(long frame)
    {
        var oldest = _live.MinBy(kv => kv.Value.LastSeenUs);
        oldest.Value.Close(frame);
        _live.Remove(oldest.Key);
        ConnectionsEvicted++;
    }
}
