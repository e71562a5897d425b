using SMBench.Compiler.Framing;

namespace SMBench.Compiler.Tcp;

/// <summary>
/// Live connections by 4-tuple. Closed connections leave the table at once; idle ones are closed once the
/// table is full, oldest first, so a capture of a port scan or a fragment flood cannot grow it without bound.
/// </summary>
public sealed class TcpConnectionTable
{
    private readonly Dictionary<TcpConnectionKey, TcpConnection> _live = [];
    private readonly Func<TcpEndpoint, TcpEndpoint, long, IConnectionMessageHandler?> _handlerFactory;
    private readonly ReassemblyLimits _limits;
    private readonly long _probeLimit;
    private readonly int _maxLive;
    private long _nextId;

    /// <param name="handlerFactory">Creates the SMB handler of a new connection (first endpoint seen is the sender); null ignores the connection.</param>
    public TcpConnectionTable(Func<TcpEndpoint, TcpEndpoint, long, IConnectionMessageHandler?> handlerFactory,
        ReassemblyLimits limits, long probeLimit, int maxLiveConnections = 65536)
    {
        _handlerFactory = handlerFactory;
        _limits = limits;
        _probeLimit = probeLimit;
        _maxLive = maxLiveConnections;
    }

    public ReassemblyStats Reassembly { get; } = new();

    public FramingStats Framing { get; } = new();

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
            // A lone RST or FIN without data opens nothing worth tracking.
            if (segment.Payload.Count == 0 && !segment.Syn) return;
            if (_live.Count >= _maxLive) EvictOldest(segment.Frame);
            var id = ++_nextId;
            var handler = _handlerFactory(segment.Source, segment.Destination, id);
            if (handler == null)
            {
                ConnectionsIgnored++;
                return;
            }
            conn = new TcpConnection(id, segment.Source, segment.Destination, handler, _limits, Reassembly, Framing, _probeLimit);
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
