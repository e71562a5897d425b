using System.Text.Json;
using SMBench.Core.Results;
using Xunit;

namespace SMBench.Core.Tests.Results;

public sealed class SummaryBuilderTests
{
    private static OpResult Result(string id, string type, string status, long issued, long latency, long lateness = 0,
        string? expected = null, string client = "c1") => new()
    {
        OpId = id, ClientId = client, Type = type, Status = status, DueUs = issued - lateness, IssuedUs = issued,
        CompletedUs = issued + latency, ExpectedStatus = expected,
    };

    [Fact]
    public void Counts_per_type_status_and_client()
    {
        var b = new SummaryBuilder();
        b.Add(Result("1", "read", "STATUS_SUCCESS", 0, 100));
        b.Add(Result("2", "read", "STATUS_SUCCESS", 0, 100, client: "c2"));
        b.Add(Result("3", "write", "STATUS_DISK_FULL", 0, 100));
        b.Add(Result("4", "open", ReplayStatus.DependencyFailed, 0, 100, client: "c3"));

        var s = b.Build(new RunSummary { RunId = "r1" });

        Assert.Equal("r1", s.RunId);
        Assert.Equal(4, s.OpsTotal);
        Assert.Equal(2, s.OpsOk);
        Assert.Equal(2, s.OpsFailed);
        Assert.Equal(3, s.Clients);
        Assert.Equal(new TypeCounts { Ok = 2 }, s.ByType["read"]);
        Assert.Equal(new TypeCounts { Failed = 1 }, s.ByType["write"]);
        Assert.Equal(new TypeCounts { Failed = 1 }, s.ByType["open"]);
        Assert.Equal(2, s.ByStatus["STATUS_SUCCESS"]);
        Assert.Equal(1, s.ByStatus["STATUS_DISK_FULL"]);
        Assert.Equal(1, s.ByStatus[ReplayStatus.DependencyFailed]);
        Assert.Equal(4, b.Total);
        Assert.Equal(2, b.Failed);
    }

    [Fact]
    public void Percentiles_of_known_latencies_and_lateness()
    {
        var b = new SummaryBuilder();
        // Latency 1..1000 µs and lateness 2..2000 µs: all below 2048, where the histogram is exact.
        for (var i = 1; i <= 1000; i++) b.Add(Result($"{i}", "read", "STATUS_SUCCESS", issued: 10_000 * i, latency: i, lateness: 2 * i));

        var s = b.Build(new RunSummary());

        Assert.Equal(new Percentiles { P50 = 0.5, P90 = 0.9, P99 = 0.99, P999 = 0.999, Max = 1.0, Mean = 0.5005 }, s.LatencyMs);
        Assert.Equal(new Percentiles { P50 = 1.0, P90 = 1.8, P99 = 1.98, P999 = 1.998, Max = 2.0, Mean = 1.001 }, s.LatenessMs);
    }

    [Fact]
    public void Early_issue_counts_as_zero_lateness()
    {
        var b = new SummaryBuilder();
        b.Add(Result("1", "read", "STATUS_SUCCESS", 1000, 10, lateness: -500));
        Assert.Equal(0, b.Build(new RunSummary()).LatenessMs.Max);
    }

    [Fact]
    public void Duration_spans_first_issue_to_last_completion()
    {
        var b = new SummaryBuilder();
        b.Add(Result("1", "read", "STATUS_SUCCESS", issued: 1_000_000, latency: 1000));
        b.Add(Result("2", "read", "STATUS_SUCCESS", issued: 2_000_000, latency: 1_000_000));
        b.Add(Result("3", "read", "STATUS_SUCCESS", issued: 2_500_000, latency: 10));

        var s = b.Build(new RunSummary());
        Assert.Equal(2.0, s.DurationS);
        Assert.Equal(1.5, s.OpsPerS);
        Assert.Equal(0.5, b.Build(new RunSummary(), durationS: 0.5).DurationS);
        Assert.Equal(6.0, b.Build(new RunSummary(), durationS: 0.5).OpsPerS);
    }

    [Fact]
    public void Match_rate_is_null_without_expectations()
    {
        var b = new SummaryBuilder();
        b.Add(Result("1", "read", "STATUS_SUCCESS", 0, 1));
        b.Add(Result("2", "read", "STATUS_END_OF_FILE", 0, 1));

        var s = b.Build(new RunSummary());
        Assert.Null(s.StatusMatchRate);
        Assert.Equal(0, s.StatusChecked);
        using var doc = JsonDocument.Parse(s.ToJson());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("status_match_rate").ValueKind);
    }

    [Fact]
    public void Match_rate_counts_only_ops_with_an_expectation_and_records_mismatches()
    {
        var b = new SummaryBuilder();
        b.Add(Result("1", "open", "STATUS_SUCCESS", 0, 1, expected: "STATUS_SUCCESS"));
        b.Add(Result("2", "open", "STATUS_OBJECT_NAME_NOT_FOUND", 0, 1, expected: "STATUS_OBJECT_NAME_NOT_FOUND"));
        b.Add(Result("3", "open", "STATUS_SUCCESS", 0, 1, expected: "STATUS_OBJECT_NAME_NOT_FOUND"));
        b.Add(Result("4", "read", "STATUS_SUCCESS", 0, 1, expected: "STATUS_SUCCESS"));
        b.Add(Result("5", "read", "STATUS_ACCESS_DENIED", 0, 1));

        var s = b.Build(new RunSummary());

        Assert.Equal(4, s.StatusChecked);
        Assert.Equal(3, s.StatusMatched);
        Assert.Equal(0.75, s.StatusMatchRate);
        // An op that fails the way the capture failed is ok; one that succeeds where the capture failed is not.
        Assert.Equal(3, s.OpsOk);
        Assert.Equal(new TypeCounts { Ok = 2, Failed = 1, Checked = 3, Matched = 2 }, s.ByType["open"]);
        Assert.Equal(new TypeCounts { Ok = 1, Failed = 1, Checked = 1, Matched = 1 }, s.ByType["read"]);
        Assert.Equal(new Dictionary<string, long> { ["open: STATUS_OBJECT_NAME_NOT_FOUND -> STATUS_SUCCESS"] = 1 }, s.Mismatches);
    }

    [Fact]
    public void Summary_json_has_the_fields_scripts_rely_on()
    {
        var b = new SummaryBuilder { BreaksReceived = 3, BreaksAcked = 2, BreaksExpected = 4 };
        b.Add(Result("1", "read", "STATUS_SUCCESS", 0, 1500, lateness: 200, expected: "STATUS_SUCCESS"));
        var json = b.Build(new RunSummary { RunId = "r" }).ToJson();

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        foreach (var name in new[] { "ops_total", "ops_ok", "ops_failed", "clients", "duration_s", "ops_per_s", "status_checked" })
            Assert.Equal(JsonValueKind.Number, root.GetProperty(name).ValueKind);
        Assert.Equal(1.5, root.GetProperty("latency_ms").GetProperty("p50").GetDouble());
        Assert.Equal(1.5, root.GetProperty("latency_ms").GetProperty("p99").GetDouble());
        Assert.Equal(1.5, root.GetProperty("latency_ms").GetProperty("max").GetDouble());
        Assert.Equal(0.2, root.GetProperty("lateness_ms").GetProperty("p50").GetDouble());
        Assert.Equal(1.0, root.GetProperty("status_match_rate").GetDouble());
        Assert.Equal(3, root.GetProperty("breaks").GetProperty("received").GetInt64());
        Assert.Equal(2, root.GetProperty("breaks").GetProperty("acked").GetInt64());
        Assert.Equal(4, root.GetProperty("breaks").GetProperty("expected").GetInt64());
        Assert.Equal(1, root.GetProperty("by_type").GetProperty("read").GetProperty("ok").GetInt64());
        Assert.Equal(0, root.GetProperty("by_type").GetProperty("read").GetProperty("failed").GetInt64());

        var back = RunSummary.FromJson(json);
        Assert.Equal(1, back.OpsTotal);
        Assert.Equal(new TypeCounts { Ok = 1, Checked = 1, Matched = 1 }, back.ByType["read"]);
    }

    [Fact]
    public void An_empty_run_builds_zeros()
    {
        var s = new SummaryBuilder().Build(new RunSummary());
        Assert.Equal(0, s.OpsTotal);
        Assert.Equal(0, s.DurationS);
        Assert.Equal(0, s.OpsPerS);
        Assert.Equal(new Percentiles(), s.LatencyMs);
        Assert.Null(s.StatusMatchRate);
    }
}
