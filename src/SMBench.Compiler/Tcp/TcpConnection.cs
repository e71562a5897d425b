using SMBench.Compiler.Framing;

namespace SMBench.Compiler.Tcp;

/// <summary>Both directions of one TCP connection: reassembly, framing, and the SMB handler they feed.</summary>
public sealed class TcpConnection
{
    private readonly Direction _a;
    private readonly Direction _b;

    public TcpConnection(long id, TcpEndpoint first, TcpEndpoint second, IConnectionMessageHandler handler,
        ReassemblyLimits limits, ReassemblyStats reassemblyStats, FramingStats framingStats, long probeLimit)
    {
        Id = id;
        Handler = handler;
        _a = new Direction(first, second, handler, limits, reassemblyStats, framingStats, probeLimit);
        _b = new Direction(second, first, handler, limits, reassemblyStats, framingStats, probeLimit);
    }

    public long Id { get; }

    public IConnectionMessageHandler Handler { get; }

    public long LastSeenUs { get; private set; }

    public bool Closed { get; private set; }

    /// <summary>True when neither direction has shown SMB and both have given up looking.</summary>
    public bool NotSmb => _a.Framer.GaveUp && _b.Framer.GaveUp;

    public bool SawSmb => _a.Framer.SawSmb || _b.Framer.SawSmb;

    /// <summary>True when a SYN without ACK starts over a connection that already carried data (port reuse).</summary>
    public bool IsRestartedBy(in TcpSegment s)
        => s.Syn && !s.HasAck && (_a.Reassembler.NextOffset > 0 || _b.Reassembler.NextOffset > 0);

    public void OnSegment(in TcpSegment s)
    {
        LastSeenUs = s.TimestampUs;
        var (from, to) = s.Source == _a.Source ? (_a, _b) : (_b, _a);
        from.Reassembler.OnSegment(s.Sequence, s.Syn, s.Fin, s.Payload, s.MissingBytes, s.TimestampUs, s.Frame);
        if (s.HasAck) to.Reassembler.OnPeerAck(s.Acknowledgment, s.Frame);
        if (s.Fin) from.Finished = true;
        if (s.Rst || (_a.Finished && _b.Finished)) Close(s.Frame);
    }

    public void Close(long frame)
    {
        if (Closed) return;
        Closed = true;
        _a.Reassembler.Finish(frame);
        _b.Reassembler.Finish(frame);
        Handler.OnClosed(frame);
    }

    private sealed class Direction : ISmbMessageSink
    {
        private readonly TcpEndpoint _destination;
        private readonly IConnectionMessageHandler _handler;

        public Direction(TcpEndpoint source, TcpEndpoint destination, IConnectionMessageHandler handler,
            ReassemblyLimits limits, ReassemblyStats reassemblyStats, FramingStats framingStats, long probeLimit)
        {
            Source = source;
            _destination = destination;
            _handler = handler;
            Framer = new SmbStreamFramer(this, framingStats, probeLimit);
            Reassembler = new TcpStreamReassembler(Framer, limits, reassemblyStats);
        }

        public TcpEndpoint Source { get; }

        public SmbStreamFramer Framer { get; }

        public TcpStreamReassembler Reassembler { get; }

        public bool Finished { get; set; }

        public void OnMessage(ReadOnlySpan<byte> message, long timestampUs, long frame)
            => _handler.OnMessage(Source, _destination, message, timestampUs, frame);

        public void OnStreamGap(long frame) => _handler.OnStreamGap(Source, frame);
    }
}
