using HdrHistogram;
using HdrHistogram.Utilities;
using SMBench.Core.Results;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// Folds this node's op results into a <see cref="PartialSummary"/> while the run goes (it observes every journaled
/// batch, then hands the batch on to the daemon's metrics). Same histogram settings as the run's own summary.
/// </summary>
public sealed class PartialSummaryBuilder(IResultObserver? next = null) : IResultObserver
{
    public const long HighestTrackableUs = 3_600_000_000;
    private readonly object _lock = new();
    private readonly LongHistogram _latency = new(HighestTrackableUs, 3);
    private readonly LongHistogram _lateness = new(HighestTrackableUs, 3);
    private readonly Dictionary<string, long[]> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _mismatches = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clients = new(StringComparer.Ordinal);
    private long _total, _ok, _checked, _matched, _firstIssued = long.MaxValue, _lastCompleted;
    private long _firstDue = long.MaxValue, _firstDueLateness;

    public void OnResults(IReadOnlyList<OpResult> batch)
    {
        lock (_lock)
            foreach (var r in batch) Add(r);
        next?.OnResults(batch);
    }

    private void Add(OpResult r)
    {
        _total++;
        var ok = r.Ok;
        if (ok) _ok++;
        _clients.Add(r.ClientId);
        if (!_byType.TryGetValue(r.Type, out var t)) _byType[r.Type] = t = new long[4];
        t[ok ? 0 : 1]++;
        if (r.StatusMatches is { } match)
        {
            _checked++;
            t[3]++;
            if (match) { _matched++; t[2]++; }
            else
            {
                var key = $"{r.Type}: {r.ExpectedStatus} -> {r.Status}";
                _mismatches[key] = _mismatches.GetValueOrDefault(key) + 1;
            }
        }
        _byStatus[r.Status] = _byStatus.GetValueOrDefault(r.Status) + 1;
        _latency.RecordValue(Math.Clamp(r.LatencyUs, 0, HighestTrackableUs));
        _lateness.RecordValue(Math.Clamp(r.LatenessUs, 0, HighestTrackableUs));
        _firstIssued = Math.Min(_firstIssued, r.IssuedUs);
        _lastCompleted = Math.Max(_lastCompleted, r.CompletedUs);
        if (r.DueUs < _firstDue)
        {
            _firstDue = r.DueUs;
            _firstDueLateness = r.LatenessUs;
        }
    }

    /// <summary>The share so far; <paramref name="final"/> (the node's own summary at the end) adds breaks and ops not run.</summary>
    public PartialSummary Build(RunSummary? final = null)
    {
        lock (_lock)
            return new PartialSummary
            {
                Total = _total, Ok = _ok, Checked = _checked, Matched = _matched, Clients = _clients.Count,
                FirstIssuedUs = _firstIssued, LastCompletedUs = _lastCompleted,
                FirstOpLatenessUs = _firstDue == long.MaxValue ? null : _firstDueLateness,
                OpsNotRun = final?.OpsNotRun ?? 0,
                BreaksReceived = final?.Breaks.Received ?? 0, BreaksAcked = final?.Breaks.Acked ?? 0,
                MeanAckLatencyMs = final?.Breaks.MeanAckLatencyMs ?? 0, Reconnects = final?.Reconnects ?? 0,
                ByType = _byType.ToDictionary(kv => kv.Key, kv => (long[])kv.Value.Clone(), StringComparer.Ordinal),
                ByStatus = new(_byStatus, StringComparer.Ordinal),
                Mismatches = new(_mismatches, StringComparer.Ordinal),
                Latency = Encode(_latency), Lateness = Encode(_lateness),
            };
    }

    public static byte[] Encode(HistogramBase histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        buffer.Position = 0;
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = buffer.Get();
        return bytes;
    }

    public static HistogramBase Decode(byte[] bytes)
        => HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), HighestTrackableUs);
}
