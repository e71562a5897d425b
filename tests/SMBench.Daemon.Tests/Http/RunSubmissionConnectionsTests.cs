using System.Text;
using SMBench.Daemon.Http;
using SMBench.Daemon.Runs;
using Xunit;

namespace SMBench.Daemon.Tests.Http;

/// <summary><c>--connections</c> and the <c>connections</c> field of <c>POST /api/runs</c>.</summary>
public sealed class RunSubmissionConnectionsTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("per-client", 0)]
    [InlineData("shared:1", 1)]
    [InlineData("SHARED:16", 16)]
    [InlineData("shared:100000", 100_000)]
    public void Per_client_or_shared_n(string? text, int shared) => Assert.Equal(shared, ConnectionsOption.Parse(text));

    [Theory]
    [InlineData("shared:0")]
    [InlineData("shared:-1")]
    [InlineData("shared: 4")]
    [InlineData("shared:100001")]
    [InlineData("shared")]
    [InlineData("pooled:4")]
    public void Anything_else_is_refused_with_the_accepted_forms(string text)
    {
        var e = Assert.Throws<FormatException>(() => ConnectionsOption.Parse(text));
        Assert.Contains("per-client or shared:N", e.Message);
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public async Task The_http_field_is_checked_like_the_option()
    {
        var ok = await RunSubmission.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes("""{"workload": "w", "connections": "shared:8"}""")),
            CancellationToken.None);
        Assert.Equal("shared:8", ok.Connections);
        var bad = await Assert.ThrowsAsync<ApiRequestException>(() => RunSubmission.ParseAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("""{"workload": "w", "connections": "shared:0"}""")), CancellationToken.None));
        Assert.Contains("field 'connections'", bad.Message);
    }

    [Fact]
    public void Shared_connections_are_for_the_smb_backend_only()
    {
        var e = Assert.Throws<FormatException>(() => BackendFactory.Create("w", null, "null", null, "r", 0, connections: "shared:2"));
        Assert.Contains("smb backend", e.Message);
    }
}
