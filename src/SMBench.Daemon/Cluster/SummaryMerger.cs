using HdrHistogram;
using SMBench.Core.Results;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// The cluster run's summary from the nodes' <see cref="PartialSummary"/>s: counts add up, the latency and lateness
/// histograms are merged (HdrHistogram <c>Add</c>) and the percentiles read from the merged distribution.
/// </summary>
public static class SummaryMerger
{
    public static RunSummary Merge(RunSummary template, IEnumerable<PartialSummary> parts)
    {
        var latency = new LongHistogram(PartialSummaryBuilder.HighestTrackableUs, 3);
        var lateness = new LongHistogram(PartialSummaryBuilder.HighestTrackableUs, 3);
        var byType = new SortedDictionary<string, TypeCounts>(StringComparer.Ordinal);
        var byStatus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var mismatches = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long total = 0, ok = 0, checkedOps = 0, matched = 0, notRun = 0, received = 0, acked = 0, reconnects = 0;
        long first = long.MaxValue, last = 0;
        var clients = 0;
        double ackLatencyWeighted = 0;
        foreach (var p in parts)
        {
            total += p.Total;
            ok += p.Ok;
            checkedOps += p.Checked;
            matched += p.Matched;
            notRun += p.OpsNotRun;
            received += p.BreaksReceived;
            acked += p.BreaksAcked;
            ackLatencyWeighted += p.MeanAckLatencyMs * p.BreaksAcked;
            reconnects += p.Reconnects;
            clients += p.Clients;
            if (p.Total > 0)
            {
                first = Math.Min(first, p.FirstIssuedUs);
                last = Math.Max(last, p.LastCompletedUs);
            }
            if (p.Latency.Length > 0) latency.Add(PartialSummaryBuilder.Decode(p.Latency));
            if (p.Lateness.Length > 0) lateness.Add(PartialSummaryBuilder.Decode(p.Lateness));
            foreach (var (type, c) in p.ByType)
            {
                var t = byType.GetValueOrDefault(type) ?? new TypeCounts();
                byType[type] = new TypeCounts { Ok = t.Ok + c[0], Failed = t.Failed + c[1], Matched = t.Matched + c[2], Checked = t.Checked + c[3] };
            }
            foreach (var (status, n) in p.ByStatus) byStatus[status] = byStatus.GetValueOrDefault(status) + n;
            foreach (var (key, n) in p.Mismatches) mismatches[key] = mismatches.GetValueOrDefault(key) + n;
        }
        var duration = total == 0 ? 0 : (last - first) / 1e6;
        return template with
        {
            OpsTotal = total,
            OpsOk = ok,
            OpsFailed = total - ok,
            OpsNotRun = notRun,
            Clients = clients,
            DurationS = Math.Round(duration, 6),
            OpsPerS = duration > 0 ? Math.Round(total / duration, 1) : 0,
            LatencyMs = Percentiles.FromMicroseconds(latency),
            LatenessMs = Percentiles.FromMicroseconds(lateness),
            StatusChecked = checkedOps,
            StatusMatched = matched,
            StatusMatchRate = checkedOps == 0 ? null : Math.Round((double)matched / checkedOps, 6),
            Breaks = template.Breaks with
            {
                Received = received, Acked = acked, MeanAckLatencyMs = acked == 0 ? 0 : Math.Round(ackLatencyWeighted / acked, 4),
            },
            Reconnects = reconnects,
            ByType = byType,
            ByStatus = byStatus,
            Mismatches = mismatches,
        };
    }
}
