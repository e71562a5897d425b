using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Daemon;

/// <summary>/metrics of a real daemon after a run, parsed as Prometheus text.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DaemonMetricsScrapeTests(DaemonFixture fixture)
{
    [Fact]
    public async Task Metrics_count_the_ops_of_a_run_and_histograms_are_consistent()
    {
        var daemon = fixture.Daemon;
        var before = PrometheusText.Parse(await daemon.Http.GetStringAsync("/metrics"));
        var workload = GeneratedWorkload.Write(Path.Combine(daemon.WorkDir, "gen-metrics"), clients: 50, reads: 8, spacingUs: 1_000);
        var id = await daemon.SubmitAsync(new { workload, backend = "null", time_scale = 0 });
        var run = await daemon.WaitEndedAsync(id);
        Assert.Equal("completed", run.GetProperty("state").GetString());

        var after = PrometheusText.Parse(await daemon.Http.GetStringAsync("/metrics"));
        double Ops(PrometheusText.Scrape s, string type) => s.Named("smbench_ops_total")
            .Where(x => x.Labels["type"] == type && x.Labels["status"] == "STATUS_SUCCESS").Sum(x => x.Value);
        Assert.Equal(50 * 8, Ops(after, "read") - Ops(before, "read"));
        Assert.Equal(50, Ops(after, "open") - Ops(before, "open"));
        Assert.Equal("counter", after.Types["smbench_ops_total"]);

        Assert.Equal("histogram", after.Types["smbench_op_latency_seconds"]);
        foreach (var type in new[] { "open", "read", "close" })
        {
            var buckets = after.Named("smbench_op_latency_seconds_bucket").Where(b => b.Labels["type"] == type).ToList();
            Assert.True(buckets.Count > 10, $"latency buckets for {type}");
            Assert.Equal(buckets.Select(b => b.Value).Order(), buckets.Select(b => b.Value)); // cumulative
            var count = after.Named("smbench_op_latency_seconds_count").Single(c => c.Labels["type"] == type).Value;
            Assert.Equal(count, buckets.Single(b => b.Labels["le"] == "+Inf").Value);
        }
        var lateness = after.Named("smbench_op_lateness_seconds_count").Single().Value
                       - before.Named("smbench_op_lateness_seconds_count").Select(s => s.Value).SingleOrDefault();
        Assert.Equal(50 * 10, lateness);

        Assert.True(after.Named("smbench_run_state").Single(s => s.Labels["state"] == "completed").Value >= 1);
        Assert.Equal(0, after.Named("smbench_run_state").Single(s => s.Labels["state"] == "running").Value);
        foreach (var name in new[] { "smbench_ops_in_flight", "smbench_active_clients", "smbench_breaks_received_total",
                     "smbench_breaks_acked_total", "smbench_reconnects_total" })
            Assert.Single(after.Named(name));
        // Low cardinality: no label carries a run id, client or path.
        Assert.DoesNotContain(after.Samples.Where(s => s.Name.StartsWith("smbench_", StringComparison.Ordinal)),
            s => s.Labels.Keys.Any(k => k is "run" or "run_id" or "client" or "client_id" or "path"));
    }
}
