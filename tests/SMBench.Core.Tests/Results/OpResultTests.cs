using SMBench.Core.Results;
using Xunit;

namespace SMBench.Core.Tests.Results;

public sealed class OpResultTests
{
    private static OpResult R(string status, string? expected = null) => new()
    {
        OpId = "1", ClientId = "c", Type = "open", Status = status, ExpectedStatus = expected,
        DueUs = 1_000, IssuedUs = 1_250, CompletedUs = 3_000,
    };

    [Fact]
    public void Latency_runs_from_issue_to_completion_and_lateness_from_due_to_issue()
    {
        var r = R(StatusText.Success);
        Assert.Equal(1_750, r.LatencyUs);
        Assert.Equal(250, r.LatenessUs);
        Assert.Equal(-250, (r with { IssuedUs = 750 }).LatenessUs);
    }

    [Theory]
    [InlineData("STATUS_SUCCESS", null, null, true)]
    [InlineData("STATUS_ACCESS_DENIED", null, null, false)]
    [InlineData(ReplayStatus.DependencyFailed, null, null, false)]
    [InlineData("STATUS_OBJECT_NAME_NOT_FOUND", "STATUS_OBJECT_NAME_NOT_FOUND", true, true)]
    [InlineData("STATUS_SUCCESS", "STATUS_OBJECT_NAME_NOT_FOUND", false, false)]
    [InlineData("STATUS_SUCCESS", "STATUS_SUCCESS", true, true)]
    public void Ok_means_as_captured_or_without_expectation_success(string status, string? expected, bool? matches, bool ok)
    {
        var r = R(status, expected);
        Assert.Equal(matches, r.StatusMatches);
        Assert.Equal(ok, r.Ok);
    }
}
