using System.Text;
using Prometheus;
using SMBench.Core.Results;
using SMBench.Daemon.Metrics;
using Xunit;

namespace SMBench.Daemon.Tests.Metrics;

public sealed class DaemonMetricsTests
{
    private static async Task<string> Export(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static OpResult Result(string type, string status, long issued, long completed, long due = 0)
        => new() { OpId = Guid.NewGuid().ToString(), ClientId = "c1", Type = type, Status = status, DueUs = due, IssuedUs = issued, CompletedUs = completed };

    [Fact]
    public async Task Results_count_by_type_and_status_and_fill_the_histograms()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new DaemonMetrics(registry);
        metrics.OnResults([
            Result("read", "STATUS_SUCCESS", 100, 600),
            Result("read", "STATUS_SUCCESS", 100, 300),
            Result("open", "STATUS_OBJECT_NAME_NOT_FOUND", 2_000, 2_100, due: 1_000),
        ]);
        metrics.SetRunStates(new Dictionary<string, int> { ["running"] = 1, ["completed"] = 2 });
        metrics.SetLoad(7, 40);
        metrics.RunEnded(new RunSummary { Breaks = new BreakCounts { Received = 3, Acked = 2 }, Reconnects = 1 });

        var text = await Export(registry);
        Assert.Contains("smbench_ops_total{type=\"read\",status=\"STATUS_SUCCESS\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("smbench_ops_total{type=\"open\",status=\"STATUS_OBJECT_NAME_NOT_FOUND\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("smbench_op_latency_seconds_count{type=\"read\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("smbench_op_lateness_seconds_count 3", text, StringComparison.Ordinal);
        Assert.Contains("smbench_op_lateness_seconds_sum 0.001", text, StringComparison.Ordinal);
        Assert.Contains("smbench_ops_in_flight 7", text, StringComparison.Ordinal);
        Assert.Contains("smbench_active_clients 40", text, StringComparison.Ordinal);
        Assert.Contains("smbench_run_state{state=\"completed\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("smbench_breaks_received_total 3", text, StringComparison.Ordinal);
        Assert.Contains("smbench_breaks_acked_total 2", text, StringComparison.Ordinal);
        Assert.Contains("smbench_reconnects_total 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_labels_are_capped_so_odd_servers_cannot_explode_cardinality()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new DaemonMetrics(registry);
        metrics.OnResults(Enumerable.Range(0, DaemonMetrics.MaxStatusLabels + 10).Select(i => Result("stat", $"0x{i:X8}", 0, 1)).ToList());
        var text = await Export(registry);
        Assert.Equal(DaemonMetrics.MaxStatusLabels + 1, text.Split('\n').Count(l => l.StartsWith("smbench_ops_total{", StringComparison.Ordinal)));
        Assert.Contains("smbench_ops_total{type=\"stat\",status=\"other\"} 10", text, StringComparison.Ordinal);
    }
}
