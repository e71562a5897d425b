using System.Text;
using SMBench.Daemon.Http;
using Xunit;

namespace SMBench.Daemon.Tests.Fuzz;

/// <summary>
/// POST /api/runs bodies the run-submission fuzzer (<c>fuzz api-run-submission</c>) found answered with a 500 (an
/// exception other than <see cref="ApiRequestException"/>) or accepted although unusable. Each is now a 400.
/// </summary>
public sealed class RunSubmissionRegressionTests
{
    private static async Task<ApiRequestException> Refused(byte[] body) =>
        await Assert.ThrowsAsync<ApiRequestException>(() => RunSubmission.ParseAsync(new MemoryStream(body), CancellationToken.None));

    private static Task<ApiRequestException> Refused(string body) => Refused(Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task Invalid_utf8_in_a_value_or_a_name_is_a_400()
    {
        // Was InvalidOperationException from JsonElement.GetString / JsonProperty.Name.
        byte[] inValue = [.. "{\"workload\": \"w"u8, 0xFF, .. "\"}"u8];
        byte[] inName = [.. "{\"work"u8, 0xFA, .. "load\": \"w\"}"u8];
        foreach (var body in new[] { inValue, inName })
        {
            var e = await Refused(body);
            Assert.Equal(400, e.Status);
            Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_nul_in_a_plain_path_target_is_a_400()
    {
        // Was ArgumentException ("Null character in path") from Path.GetFullPath in TargetSpec.Parse.
        var e = await Refused("{\"workload\": \"w\", \"target\": \"a\\u0000b\"}");
        Assert.Equal(400, e.Status);
        Assert.Contains("field 'target'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time_scale")]
    [InlineData("null_latency_ms")]
    public async Task A_number_too_large_for_a_double_is_a_400(string field)
    {
        // 1e999 reads as infinity: a time scale that never releases an op, a latency TimeSpan cannot hold.
        var e = await Refused($"{{\"workload\": \"w\", \"backend\": \"null\", \"{field}\": 1e999}}");
        Assert.Equal(400, e.Status);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }
}
