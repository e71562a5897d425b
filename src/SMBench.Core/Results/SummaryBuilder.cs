using HdrHistogram;

namespace SMBench.Core.Results;

/// <summary>
/// Folds op results into a <see cref="RunSummary"/>: counts per type and status, fidelity, and HdrHistogram
/// percentiles of latency and lateness (µs resolution, 3 significant digits). Not thread-safe: one sink owns it.
/// </summary>
public sealed class SummaryBuilder
{
    private const long HighestTrackableUs = 3_600_000_000; // an hour
    private readonly LongHistogram _latency = new(HighestTrackableUs, 3);
    private readonly LongHistogram _lateness = new(HighestTrackableUs, 3);
    private readonly Dictionary<string, (long Ok, long Failed, long Matched, long Checked)> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _mismatches = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clients = new(StringComparer.Ordinal);
    private long _total, _ok, _checked, _matched, _firstIssued = long.MaxValue, _lastCompleted;

    public long Total => _total;
    public long Failed => _total - _ok;
    public long BreaksReceived { get; set; }
    public long BreaksAcked { get; set; }
    public long? BreaksExpected { get; set; }
    public long Reconnects { get; set; }
    public double MeanAckLatencyMs { get; set; }

    public void Add(OpResult r)
    {
        _total++;
        var ok = r.Ok;
        if (ok) _ok++;
        _clients.Add(r.ClientId);
        var t = _byType.GetValueOrDefault(r.Type);
        t = ok ? t with { Ok = t.Ok + 1 } : t with { Failed = t.Failed + 1 };
        if (r.StatusMatches is { } match)
        {
            _checked++;
            t = t with { Checked = t.Checked + 1 };
            if (match) { _matched++; t = t with { Matched = t.Matched + 1 }; }
            else
            {
                var key = $"{r.Type}: {r.ExpectedStatus} -> {r.Status}";
                _mismatches[key] = _mismatches.GetValueOrDefault(key) + 1;
            }
        }
        _byType[r.Type] = t;
        _byStatus[r.Status] = _byStatus.GetValueOrDefault(r.Status) + 1;
        _latency.RecordValue(Math.Clamp(r.LatencyUs, 0, HighestTrackableUs));
        _lateness.RecordValue(Math.Clamp(r.LatenessUs, 0, HighestTrackableUs));
        _firstIssued = Math.Min(_firstIssued, r.IssuedUs);
        _lastCompleted = Math.Max(_lastCompleted, r.CompletedUs);
    }

    /// <summary>The summary so far; <paramref name="durationS"/> overrides the span of the results.</summary>
    public RunSummary Build(RunSummary template, double? durationS = null, long opsNotRun = 0)
    {
        var duration = durationS ?? (_total == 0 ? 0 : (_lastCompleted - _firstIssued) / 1e6);
        return template with
        {
            OpsTotal = _total,
            OpsOk = _ok,
            OpsFailed = _total - _ok,
            OpsNotRun = opsNotRun,
            Clients = _clients.Count,
            DurationS = Math.Round(duration, 6),
            OpsPerS = duration > 0 ? Math.Round(_total / duration, 1) : 0,
            LatencyMs = Percentiles.FromMicroseconds(_latency),
            LatenessMs = Percentiles.FromMicroseconds(_lateness),
            StatusChecked = _checked,
            StatusMatched = _matched,
            StatusMatchRate = _checked == 0 ? null : Math.Round((double)_matched / _checked, 6),
            Breaks = new BreakCounts
            {
                Received = BreaksReceived, Acked = BreaksAcked, Expected = BreaksExpected, MeanAckLatencyMs = Math.Round(MeanAckLatencyMs, 4),
            },
            Reconnects = Reconnects,
            ByType = new(_byType.ToDictionary(kv => kv.Key, kv => new TypeCounts
            {
                Ok = kv.Value.Ok, Failed = kv.Value.Failed, Matched = kv.Value.Matched, Checked = kv.Value.Checked,
            }), StringComparer.Ordinal),
            ByStatus = new(_byStatus, StringComparer.Ordinal),
            Mismatches = new(_mismatches, StringComparer.Ordinal),
        };
    }
}
