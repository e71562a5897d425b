namespace SMBench.Compiler.Tcp;

/// <summary>
/// Puts one direction of a TCP connection back in order. Sequence numbers are unwrapped into a 64-bit stream
/// offset through signed 32-bit distances, so wraparound needs no special case. Retransmits and overlaps are
/// trimmed (first copy wins, as a receiver would keep it), out-of-order segments wait in a bounded queue, and a
/// hole becomes a gap as soon as the peer acknowledges past it (the capture lost it, the receiver did not), when
/// the queue is over its limits, or when the stream ends.
/// </summary>
public sealed class TcpStreamReassembler
{
    private readonly ITcpStreamSink _sink;
    private readonly ReassemblyLimits _limits;
    private readonly ReassemblyStats _stats;
    private readonly SortedDictionary<long, Pending> _pending = [];
    private long _pendingBytes;
    private bool _started;
    private uint _isn;
    private long _next;
    private long _finAt = -1;

    public TcpStreamReassembler(ITcpStreamSink sink, ReassemblyLimits limits, ReassemblyStats stats)
    {
        _sink = sink;
        _limits = limits;
        _stats = stats;
    }

    /// <summary>Stream offset of the next byte expected (bytes delivered plus bytes declared missing).</summary>
    public long NextOffset => _next;

    public int BufferedSegments => _pending.Count;

    public long BufferedBytes => _pendingBytes;

    public void OnSegment(uint sequence, bool syn, bool fin, ReadOnlySpan<byte> payload, int missingTail, long timestampUs, long frame)
    {
        if (syn)
        {
            if (!_started)
            {
                _isn = sequence + 1;
                _started = true;
            }
            if (payload.IsEmpty) return;
            sequence++;
        }
        if (!_started)
        {
            // The capture began mid-connection: the first segment seen defines the stream's origin.
            if (payload.IsEmpty && missingTail == 0 && !fin) return;
            _isn = sequence;
            _started = true;
        }

        var start = ToOffset(sequence);
        var length = payload.Length + missingTail;
        if (fin) _finAt = Math.Max(_finAt, start + length);
        if (length == 0) return;
        if (start - _next > _limits.MaxWindow || _next - start > _limits.MaxWindow)
        {
            _stats.OutOfWindowSegments++;
            return;
        }

        var end = start + length;
        if (end <= _next)
        {
            _stats.RetransmittedSegments++;
            return;
        }
        if (start < _next)
        {
            _stats.OverlappingSegments++;
            var skip = (int)(_next - start);
            if (skip >= payload.Length)
            {
                missingTail -= skip - payload.Length;
                payload = [];
            }
            else
            {
                payload = payload[skip..];
            }
            start = _next;
        }

        if (start == _next)
        {
            Deliver(payload, missingTail, timestampUs, frame);
            Drain();
            return;
        }

        _stats.OutOfOrderSegments++;
        if (!_pending.TryGetValue(start, out var existing) || existing.Data.Length + existing.MissingTail < length)
        {
            if (existing.Data != null) _pendingBytes -= existing.Data.Length;
            _pending[start] = new Pending(payload.ToArray(), missingTail, timestampUs, frame);
            _pendingBytes += payload.Length;
        }
        while (_pending.Count > 0 && (_pendingBytes > _limits.MaxBufferedBytes || _pending.Count > _limits.MaxBufferedSegments))
        {
            _stats.ForcedGaps++;
            SkipToFirstPending(frame);
        }
        if (_pendingBytes > _stats.PeakBufferedBytes) _stats.PeakBufferedBytes = _pendingBytes;
    }

    /// <summary>The other direction acknowledged <paramref name="ack"/>: every byte before it was really sent.</summary>
    public void OnPeerAck(uint ack, long frame)
    {
        if (!_started) return;
        var acked = ToOffset(ack);
        if (_finAt >= 0 && acked > _finAt) acked = _finAt;
        if (acked <= _next || acked - _next > _limits.MaxWindow) return;
        var holeEnd = _pending.Count > 0 ? Math.Min(acked, FirstPendingOffset()) : acked;
        if (holeEnd <= _next) return;
        Gap(holeEnd - _next, frame);
        _next = holeEnd;
        Drain();
    }

    /// <summary>The connection is over (FIN, RST or end of capture): whatever is still queued follows its holes.</summary>
    public void Finish(long frame)
    {
        while (_pending.Count > 0) SkipToFirstPending(frame);
    }

    private long ToOffset(uint sequence)
    {
        var expected = unchecked(_isn + (uint)_next);
        return _next + unchecked((int)(sequence - expected));
    }

    private long FirstPendingOffset()
    {
        using var e = _pending.Keys.GetEnumerator();
        e.MoveNext();
        return e.Current;
    }

    private void SkipToFirstPending(long frame)
    {
        var first = FirstPendingOffset();
        if (first > _next)
        {
            Gap(first - _next, frame);
            _next = first;
        }
        Drain();
    }

    private void Drain()
    {
        while (_pending.Count > 0)
        {
            var first = FirstPendingOffset();
            if (first > _next) return;
            var p = _pending[first];
            _pending.Remove(first);
            _pendingBytes -= p.Data.Length;
            var end = first + p.Data.Length + p.MissingTail;
            if (end <= _next)
            {
                _stats.RetransmittedSegments++;
                continue;
            }
            ReadOnlySpan<byte> data = p.Data;
            var missing = p.MissingTail;
            var skip = (int)(_next - first);
            if (skip > 0)
            {
                _stats.OverlappingSegments++;
                if (skip >= data.Length)
                {
                    missing -= skip - data.Length;
                    data = [];
                }
                else
                {
                    data = data[skip..];
                }
            }
            Deliver(data, missing, p.TimestampUs, p.Frame);
        }
    }

    private void Deliver(ReadOnlySpan<byte> data, int missingTail, long timestampUs, long frame)
    {
        if (!data.IsEmpty)
        {
            _sink.OnData(data, timestampUs, frame);
            _next += data.Length;
        }
        if (missingTail > 0)
        {
            Gap(missingTail, frame);
            _next += missingTail;
        }
    }

    private void Gap(long bytes, long frame)
    {
        _stats.Gaps++;
        _stats.GapBytes += bytes;
        _sink.OnGap(bytes, frame);
    }

    private readonly record struct Pending(byte[] Data, int MissingTail, long TimestampUs, long Frame);
}
