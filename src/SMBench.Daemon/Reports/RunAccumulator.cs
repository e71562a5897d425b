using HdrHistogram;

namespace SMBench.Daemon.Reports;

/// <summary>
/// Folds journal records into everything a report shows. Memory depends on op types, statuses, clients and the
/// capped time series, never on the number of records: occurrence lists and the mismatch path table are capped.
/// </summary>
public sealed class RunAccumulator
{
    public const int OccurrencesKept = 5;
    public const int PathsKept = 10_000;
    public const int MaxSlices = TimeSeries.MaxBuckets;

    private readonly Dictionary<string, TypeStats> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClientStats> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ErrorStats> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Expected, string Got), MismatchStats> _mismatches = new();
    private readonly Dictionary<string, long> _mismatchPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nodes = new(StringComparer.Ordinal);

    public RunAccumulator(double expectedDurationS) => Series = new TimeSeries(expectedDurationS);

    internal TimeSeries Series { get; }
    /// <summary>Slices of the over-time charts (never more than <see cref="TimeSeries.MaxBuckets"/>) and their width.</summary>
    public int SliceCount => Series.Count;
    public long SliceWidthUs => Series.WidthUs;
    public LongHistogram Lateness { get; } = new(TimeBucket.HighestTrackableUs, 3);
    public long Ops { get; private set; }
    public long Failed { get; private set; }
    public long Checked { get; private set; }
    public long Matched { get; private set; }
    public long Bytes { get; private set; }
    public long FirstIssuedUs { get; private set; } = long.MaxValue;
    public long LastCompletedUs { get; private set; }
    /// <summary>Mismatches on paths beyond the first <see cref="PathsKept"/> distinct ones.</summary>
    public long MismatchesOnOtherPaths { get; private set; }

    public IReadOnlyDictionary<string, TypeStats> Types => _types;
    public IReadOnlyDictionary<string, ClientStats> Clients => _clients;
    public IReadOnlyDictionary<string, ErrorStats> Errors => _errors;
    public IEnumerable<MismatchStats> Mismatches => _mismatches.Values;
    public IReadOnlyDictionary<string, long> MismatchPaths => _mismatchPaths;
    public IReadOnlyDictionary<string, long> Nodes => _nodes;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void Add(in JournalRecord r)
    {
        var ok = r.Ok;
        var latency = r.LatencyUs;
        var lateness = r.LatenessUs;
        Ops++;
        Bytes += r.Bytes;
        if (!ok) Failed++;
        FirstIssuedUs = Math.Min(FirstIssuedUs, r.IssuedUs);
        LastCompletedUs = Math.Max(LastCompletedUs, r.CompletedUs);
        Lateness.RecordValue(TimeBucket.Clamp(lateness));

        if (!_types.TryGetValue(r.Type, out var type)) _types.Add(r.Type, type = new TypeStats(r.Type, _types.Count));
        type.Ops++;
        type.Bytes += r.Bytes;
        if (!ok) type.Failed++;
        type.Latency.RecordValue(TimeBucket.Clamp(latency));
        Series.At(r.CompletedUs).Add(type.Index, latency, lateness, ok);

        if (!_clients.TryGetValue(r.ClientId, out var client)) _clients.Add(r.ClientId, client = new ClientStats(r.ClientId));
        client.Ops++;
        client.Bytes += r.Bytes;
        client.LatencySumUs += Math.Max(0, latency);
        client.LatencyMaxUs = Math.Max(client.LatencyMaxUs, latency);
        client.LatenessMaxUs = Math.Max(client.LatenessMaxUs, lateness);
        if (r.Node != null)
        {
            client.Node = r.Node;
            _nodes[r.Node] = _nodes.GetValueOrDefault(r.Node) + 1;
        }
        if (!ok) client.Failed++;

        var mismatch = false;
        if (r.ExpectedStatus != null)
        {
            Checked++;
            type.Checked++;
            if (ok) { Matched++; type.Matched++; }
            else mismatch = true;
        }
        if (mismatch) AddMismatch(in r, client);
        else if (!ok) AddError(in r);
    }

    private void AddMismatch(in JournalRecord r, ClientStats client)
    {
        client.Mismatched++;
        var key = (r.Type, r.ExpectedStatus!, r.Status);
        if (!_mismatches.TryGetValue(key, out var m)) _mismatches.Add(key, m = new MismatchStats(r.Type, r.ExpectedStatus!, r.Status));
        m.Count++;
        if (m.First.Count < OccurrencesKept) m.First.Add(Occur(in r));
        if (r.Path is { } path)
        {
            if (_mismatchPaths.TryGetValue(path, out var n)) _mismatchPaths[path] = n + 1;
            else if (_mismatchPaths.Count < PathsKept) _mismatchPaths.Add(path, 1);
            else MismatchesOnOtherPaths++;
        }
        AddError(in r);
    }

    private void AddError(in JournalRecord r)
    {
        if (!_errors.TryGetValue(r.Status, out var e)) _errors.Add(r.Status, e = new ErrorStats(r.Status));
        e.Count++;
        e.ByType[r.Type] = e.ByType.GetValueOrDefault(r.Type) + 1;
        if (e.First.Count < OccurrencesKept) e.First.Add(Occur(in r));
    }

    private static Occurrence Occur(in JournalRecord r) => new(r.OpId, r.ClientId, r.Type, r.Status, r.Path, r.Error, r.CompletedUs);
}
