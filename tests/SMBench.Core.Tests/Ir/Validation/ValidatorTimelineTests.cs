using SMBench.Core.Tests.Support;
using Xunit;
using static SMBench.Core.Tests.Ir.Validation.WorkloadFiles;

namespace SMBench.Core.Tests.Ir.Validation;

/// <summary>Handle lifetimes, per-client time, op ids and clients: each failure located by file:line and op id.</summary>
public sealed class ValidatorTimelineTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_well_formed_timeline_is_valid(bool jsonl)
    {
        var report = Validate(_tmp, jsonl,
            Open("o1", "c1", 0, "h1"), Open("o2", "c2", 0, "h1"), Read("o3", "c1", 5, "h1"), Close("o4", "c1", 9, "h1"),
            Close("o5", "c2", 9, "h1"));
        Assert.True(report.IsValid, string.Join("\n", report.Errors.Select(e => e.Message)));
        Assert.Equal(5, report.OpsTotal);
        Assert.Equal(2, report.Clients);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dangling_handle_ref_is_rejected(bool jsonl)
    {
        var report = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Read("o2", "c1", 1, "h9"));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "handle_ref 'h9' is used before any open defines it");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Handles_belong_to_their_client(bool jsonl)
    {
        var report = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Read("o2", "c2", 1, "h1"));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "handle_ref 'h1' is used before any open defines it");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reused_handle_ref_is_rejected_while_open_and_after_close(bool jsonl)
    {
        var whileOpen = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Open("o2", "c1", 1, "h1"));
        AssertSingleError(whileOpen, jsonl, LineOf(jsonl, 2), "o2", "handle_ref 'h1' is reused");

        var afterClose = Validate(_tmp, jsonl,
            Open("o1", "c1", 0, "h1"), Close("o2", "c1", 1, "h1"), Open("o3", "c1", 2, "h1"));
        AssertSingleError(afterClose, jsonl, LineOf(jsonl, 3), "o3", "handle_ref 'h1' is reused");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Use_after_close_is_rejected(bool jsonl)
    {
        var read = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Close("o2", "c1", 1, "h1"), Read("o3", "c1", 2, "h1"));
        AssertSingleError(read, jsonl, LineOf(jsonl, 3), "o3", "handle_ref 'h1' is used after its close");

        var doubleClose = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Close("o2", "c1", 1, "h1"), Close("o3", "c1", 2, "h1"));
        AssertSingleError(doubleClose, jsonl, LineOf(jsonl, 3), "o3", "handle_ref 'h1' is used after its close");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Time_going_backwards_within_a_client_is_rejected(bool jsonl)
    {
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 500, "a"), Delete("o2", "c1", 400, "b"));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2",
            "timestamp_us 400 goes back in time for client c1 (previous 500)");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Time_may_go_backwards_across_clients_and_repeat_within_one(bool jsonl)
    {
        var report = Validate(_tmp, jsonl,
            Delete("o1", "c1", 500, "a"), Delete("o2", "c2", 100, "b"), Delete("o3", "c1", 500, "c"), Delete("o4", "c2", 200, "d"));
        Assert.True(report.IsValid, string.Join("\n", report.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Duplicate_op_id_is_rejected(bool jsonl)
    {
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 0, "a"), Delete("o2", "c2", 1, "b"), Delete("o1", "c2", 2, "c"));
        AssertSingleError(report, jsonl, LineOf(jsonl, 3), "o1", "op_id is used twice");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Client_not_declared_in_clients_is_rejected(bool jsonl)
    {
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 0, "a"), Delete("o2", "c3", 1, "b"));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "client 'c3' is not in 'clients'");
    }

    [Fact]
    public void Every_semantic_error_is_reported_not_just_the_first()
    {
        var report = Validate(_tmp, true,
            Read("o1", "c1", 10, "h1"), Delete("o2", "c1", 5, "/abs"), Delete("o3", "c9", 0, "x"));
        Assert.Equal(4, report.Errors.Count);
        Assert.Equal([2L, 3, 3, 4], report.Errors.Select(e => e.Line));
        Assert.Equal(["o1", "o2", "o2", "o3"], report.Errors.Select(e => e.OpId));
    }
}
