using System.Text;
using SMBench.Daemon.Http;
using Xunit;

namespace SMBench.Daemon.Tests.Http;

/// <summary>The <c>loop</c> and <c>duration</c> fields of <c>POST /api/runs</c> (same forms as --loop/--duration).</summary>
public sealed class RunSubmissionLoopTests
{
    private static Task<RunSubmission> Parse(string body)
        => RunSubmission.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

    [Fact]
    public async Task Without_loop_fields_the_workload_plays_once()
    {
        var s = await Parse("""{"workload": "w"}""");
        Assert.False(s.Loop.IsLooping);
    }

    [Fact]
    public async Task Loop_is_a_pass_count()
    {
        var s = await Parse("""{"workload": "w", "loop": 4}""");
        Assert.Equal(4, s.Loop.Loops);
        Assert.Null(s.Loop.Duration);
    }

    [Theory]
    [InlineData("600", 600)]
    [InlineData("\"90s\"", 90)]
    [InlineData("\"10m\"", 600)]
    [InlineData("\"1h30m\"", 5400)]
    [InlineData("\"500ms\"", 0.5)]
    [InlineData("\"00:02:00\"", 120)]
    public async Task Duration_takes_seconds_or_the_cli_forms(string json, double seconds)
    {
        var s = await Parse($$"""{"workload": "w", "duration": {{json}}}""");
        Assert.Equal(TimeSpan.FromSeconds(seconds), s.Loop.Duration);
        Assert.True(s.Loop.IsLooping);
    }

    [Theory]
    [InlineData("\"loop\": 0", "field 'loop'")]
    [InlineData("\"loop\": 1.5", "field 'loop'")]
    [InlineData("\"duration\": \"ten minutes\"", "field 'duration'")]
    [InlineData("\"duration\": 0", "field 'duration'")]
    [InlineData("\"duration\": \"5x\"", "field 'duration'")]
    [InlineData("\"duration\": true", "field 'duration'")]
    public async Task Bad_values_are_refused_with_the_field_name(string field, string message)
    {
        var e = await Assert.ThrowsAsync<ApiRequestException>(() => Parse($$"""{"workload": "w", {{field}}}"""));
        Assert.Equal(400, e.Status);
        Assert.Contains(message, e.Message);
    }
}
