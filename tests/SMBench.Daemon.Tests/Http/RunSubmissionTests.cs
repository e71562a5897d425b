using System.Text;
using SMBench.Actors.Backends;
using SMBench.Daemon.Http;
using Xunit;

namespace SMBench.Daemon.Tests.Http;

public sealed class RunSubmissionTests
{
    private static Task<RunSubmission> Parse(string body)
        => RunSubmission.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

    private static async Task<ApiRequestException> Refused(string body) => await Assert.ThrowsAsync<ApiRequestException>(() => Parse(body));

    [Fact]
    public async Task All_contract_fields_are_read()
    {
        var s = await Parse("""
            {"workload": "w", "target": "file:///tmp/x", "backend": "local", "mode": "realistic", "time_scale": 0.5,
             "root": "r", "user": "u", "password_env": "PW", "credentials": "c.yaml"}
            """);
        Assert.Equal("w", s.Workload);
        Assert.Equal("file:///tmp/x", s.Target);
        Assert.Equal("local", s.Backend);
        Assert.Equal(ReplayMode.Realistic, s.Mode);
        Assert.Equal(0.5, s.TimeScale);
        Assert.Equal(("r", "u", "PW", "c.yaml"), (s.Root, s.User, s.PasswordEnv, s.Credentials));
    }

    [Fact]
    public async Task Defaults_are_mvp_at_real_time()
    {
        var s = await Parse("""{"workload": "w"}""");
        Assert.Equal(ReplayMode.Mvp, s.Mode);
        Assert.Equal(1.0, s.TimeScale);
        Assert.Null(s.Backend);
    }

    [Theory]
    [InlineData("{\"workload\": ", "malformed JSON at line 1")]
    [InlineData("", "the body is empty")]
    [InlineData("[1,2]", "must be a JSON object, not an array")]
    [InlineData("{}", "field 'workload' is required")]
    [InlineData("{\"workload\": 3}", "field 'workload' must be a string, not a number")]
    [InlineData("{\"workload\": \"w\", \"mode\": \"turbo\"}", "field 'mode': 'turbo' is not one of mvp, realistic, full")]
    [InlineData("{\"workload\": \"w\", \"backend\": \"ftp\"}", "field 'backend': 'ftp' is not one of local, null, smb")]
    [InlineData("{\"workload\": \"w\", \"target\": \"nfs://h/x\"}", "field 'target'")]
    [InlineData("{\"workload\": \"w\", \"time_scale\": -1}", "field 'time_scale' must be 0 or more")]
    [InlineData("{\"workload\": \"w\", \"time_scale\": \"fast\"}", "field 'time_scale' must be a number, not a string")]
    [InlineData("{\"workload\": \"w\", \"run_id\": \"../../etc\"}", "field 'run_id'")]
    [InlineData("{\"workload\": \"w\", \"timescale\": 1}", "unknown field 'timescale'")]
    public async Task Malformed_requests_are_400_with_a_precise_message(string body, string expected)
    {
        var e = await Refused(body);
        Assert.Equal(400, e.Status);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workload_missing_on_the_daemon_host_is_422()
    {
        var s = await Parse("""{"workload": "/nonexistent/smbench/workload"}""");
        var e = Assert.Throws<ApiRequestException>(s.ResolveWorkload);
        Assert.Equal(422, e.Status);
        Assert.Contains("not found on the daemon host", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_env_not_set_for_the_daemon_is_422_and_names_only_the_variable()
    {
        var dir = Directory.CreateTempSubdirectory("smbench-sub-").FullName;
        try
        {
            var s = await Parse($$"""{"workload": "{{dir}}", "password_env": "SMBENCH_TEST_SURELY_UNSET_PW"}""");
            var e = Assert.Throws<ApiRequestException>(s.ResolveWorkload);
            Assert.Equal(422, e.Status);
            Assert.Contains("SMBENCH_TEST_SURELY_UNSET_PW is not set", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }
}
