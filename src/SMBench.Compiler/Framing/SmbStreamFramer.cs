using System.Buffers.Binary;
using SMBench.Compiler.Tcp;

namespace SMBench.Compiler.Framing;

/// <summary>
/// Cuts one direction of a TCP stream into SMB messages. Direct TCP (MS-SMB2 §2.1: 0x00 + 24-bit length) and the
/// NetBIOS session service (RFC 1002: type byte, flags, 17-bit length; session request/response and keepalive
/// packets carry no SMB) share the 4-byte prefix. Until the stream is known to be in step — at the start of a
/// capture that began mid-connection and after every gap — the framer scans for a prefix followed by one of the
/// SMB protocol ids (0xFE SMB2, 0xFD transform, 0xFC compression, 0xFF SMB1) instead of trusting a length.
/// Holds at most one message plus one segment, so memory is bounded by the largest message.
/// </summary>
public sealed class SmbStreamFramer : ITcpStreamSink
{
    /// <summary>
    /// Largest message accepted: 8 MiB of READ/WRITE data (the largest MaxRead/WriteSize servers grant) plus
    /// headers and a compound's worth of margin. Longer lengths mean the framer lost sync.
    /// </summary>
    public const int MaxMessageLength = 8 * 1024 * 1024 + 128 * 1024;
    private const int SignatureLength = 8;

    private readonly ISmbMessageSink _sink;
    private readonly FramingStats _stats;
    private readonly long _probeLimit;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _count;
    private readonly List<Mark> _marks = [];
    private bool _synced;
    private long _unsyncedScanned;

    /// <param name="probeLimit">Bytes scanned without finding SMB before this direction is declared not SMB; 0 never gives up.</param>
    public SmbStreamFramer(ISmbMessageSink sink, FramingStats stats, long probeLimit)
    {
        _sink = sink;
        _stats = stats;
        _probeLimit = probeLimit;
    }

    /// <summary>True once this direction has framed at least one SMB message.</summary>
    public bool SawSmb { get; private set; }

    /// <summary>True when <see cref="probeLimit"/> bytes went by without anything that looks like SMB.</summary>
    public bool GaveUp { get; private set; }

    public void OnData(ReadOnlySpan<byte> data, long timestampUs, long frame)
    {
        if (GaveUp) return;
        Append(data, timestampUs, frame);
        Process();
    }

    public void OnGap(long missingBytes, long frame)
    {
        if (GaveUp) return;
        _stats.BytesSkipped += _count;
        _start = 0;
        _count = 0;
        _marks.Clear();
        if (_synced) _stats.Resyncs++;
        _synced = false;
        _sink.OnStreamGap(frame);
    }

    private void Process()
    {
        while (_count >= 4 && !GaveUp)
        {
            if (!_synced && !FindSignature()) return;
            var span = _buffer.AsSpan(_start, _count);
            var type = span[0];
            int length;
            if (type == 0x00)
            {
                length = (span[1] << 16) | (span[2] << 8) | span[3];
            }
            else if (type is 0x81 or 0x82 or 0x83 or 0x84 or 0x85)
            {
                // NetBIOS session control packets (RFC 1002 §4.3): no SMB inside, 17-bit length.
                length = ((span[1] & 1) << 16) | BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
                if (_count < 4 + length) return;
                _stats.NetBiosControlPackets++;
                Consume(4 + length);
                continue;
            }
            else
            {
                Desync();
                continue;
            }
            if (length < 4 || length > MaxMessageLength)
            {
                _stats.OversizedMessages++;
                Desync();
                continue;
            }
            if (_count >= 8 && !IsSmbProtocolId(span[4..8]))
            {
                Desync();
                continue;
            }
            if (_count < 4 + length)
            {
                EnsureCapacity(4 + length);
                return;
            }
            var (ts, fr) = MarkAt(_start);
            _stats.Messages++;
            SawSmb = true;
            _sink.OnMessage(span.Slice(4, length), ts, fr);
            Consume(4 + length);
        }
    }

    private void Desync()
    {
        _synced = false;
        _stats.Resyncs++;
        _stats.BytesSkipped += 1;
        Consume(1);
    }

    /// <summary>Drops bytes up to the next plausible message start; false when more data is needed.</summary>
    private bool FindSignature()
    {
        var span = _buffer.AsSpan(_start, _count);
        for (var i = 0; i + SignatureLength <= span.Length; i++)
        {
            if (span[i] != 0x00 || span[i + 5] != (byte)'S' || span[i + 6] != (byte)'M' || span[i + 7] != (byte)'B') continue;
            if (!IsSmbProtocolId(span.Slice(i + 4, 4))) continue;
            var length = (span[i + 1] << 16) | (span[i + 2] << 8) | span[i + 3];
            if (length < 32 || length > MaxMessageLength) continue;
            Skip(i);
            if (GaveUp) return false;
            _synced = true;
            return true;
        }
        // Keep the tail that could still begin a signature.
        var keep = Math.Min(span.Length, SignatureLength - 1);
        Skip(span.Length - keep);
        return false;
    }

    private void Skip(int bytes)
    {
        if (bytes == 0) return;
        _stats.BytesSkipped += bytes;
        _unsyncedScanned += bytes;
        Consume(bytes);
        if (!SawSmb && _probeLimit > 0 && _unsyncedScanned > _probeLimit)
        {
            GaveUp = true;
            _start = 0;
            _count = 0;
            _marks.Clear();
        }
    }

    private static bool IsSmbProtocolId(ReadOnlySpan<byte> id)
        => id[0] is 0xFE or 0xFD or 0xFC or 0xFF && id[1] == (byte)'S' && id[2] == (byte)'M' && id[3] == (byte)'B';

    private void Append(ReadOnlySpan<byte> data, long timestampUs, long frame)
    {
        EnsureCapacity(_count + data.Length);
        if (_start + _count + data.Length > _buffer.Length) Compact();
        data.CopyTo(_buffer.AsSpan(_start + _count));
        _marks.Add(new Mark(_start + _count, timestampUs, frame));
        _count += data.Length;
    }

    private void Consume(int bytes)
    {
        _start += bytes;
        _count -= bytes;
        if (_count == 0)
        {
            _start = 0;
            _marks.Clear();
            return;
        }
        // Drop marks for bytes already consumed, keeping the one that covers the new start.
        var drop = 0;
        while (drop + 1 < _marks.Count && _marks[drop + 1].Position <= _start) drop++;
        if (drop > 0) _marks.RemoveRange(0, drop);
    }

    private (long Timestamp, long Frame) MarkAt(int position)
    {
        var m = _marks[0];
        foreach (var candidate in _marks)
        {
            if (candidate.Position > position) break;
            m = candidate;
        }
        return (m.TimestampUs, m.Frame);
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length - _start) return;
        if (needed <= _buffer.Length)
        {
            Compact();
            return;
        }
        var bigger = new byte[Math.Max(needed, Math.Min(_buffer.Length * 2, MaxMessageLength + 4 + 65536))];
        _buffer.AsSpan(_start, _count).CopyTo(bigger);
        ShiftMarks(-_start);
        _buffer = bigger;
        _start = 0;
    }

    private void Compact()
    {
        if (_start == 0) return;
        _buffer.AsSpan(_start, _count).CopyTo(_buffer);
        ShiftMarks(-_start);
        _start = 0;
    }

    private void ShiftMarks(int delta)
    {
        for (var i = 0; i < _marks.Count; i++) _marks[i] = _marks[i] with { Position = Math.Max(0, _marks[i].Position + delta) };
    }

    private readonly record struct Mark(int Position, long TimestampUs, long Frame);
}
