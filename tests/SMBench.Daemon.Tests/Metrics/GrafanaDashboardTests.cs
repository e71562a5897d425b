using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SMBench.Core.Results;
using SMBench.Daemon.Metrics;
using Xunit;

namespace SMBench.Daemon.Tests.Metrics;

/// <summary>The shipped Grafana dashboard only queries metrics the daemon exports.</summary>
public sealed partial class GrafanaDashboardTests
{
    [Fact]
    public async Task Every_metric_the_dashboard_queries_is_exported()
    {
        var path = Path.Combine(SMBench.TestSupport.RepoPaths.Root, "docker", "grafana", "smbench-dashboard.json");
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var queried = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .SelectMany(t => MetricName().Matches(t.GetProperty("expr").GetString()!).Select(m => m.Value))
            .Select(n => Regex.Replace(n, "_(bucket|sum|count)$", ""))
            .ToHashSet();
        Assert.NotEmpty(queried);

        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new DaemonMetrics(registry);
        metrics.OnResults([new OpResult { OpId = "1", ClientId = "c", Type = "read", Status = "STATUS_SUCCESS", IssuedUs = 1, CompletedUs = 2 }]);
        metrics.SetRunStates(new Dictionary<string, int> { ["running"] = 0 });
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        var exported = Encoding.UTF8.GetString(stream.ToArray());
        foreach (var name in queried) Assert.Contains($"# TYPE {name} ", exported, StringComparison.Ordinal);
    }

    [GeneratedRegex("smbench_[a-z_]+")]
    private static partial Regex MetricName();
}
