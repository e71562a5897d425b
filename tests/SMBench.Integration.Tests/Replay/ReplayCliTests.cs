using SMBench.Core.Results;
using SMBench.Daemon.Cli;
using SMBench.Integration.Tests.Smb;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Replay;

/// <summary>`smbench replay --backend smb` end to end: credentials from the environment, exit codes for scripts.</summary>
public sealed class ReplayCliTests(ReplaySambaFixture fixture) : IClassFixture<ReplaySambaFixture>, IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-replay-cli-").FullName;
    private readonly string _passwordEnv = "SMBENCH_TEST_PW_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private Task<int> Replay(int port, string password, params string[] extra)
    {
        Environment.SetEnvironmentVariable(_passwordEnv, password);
        return CliApp.RunAsync([
            "replay", ReplaySeedTests.SeedExample, "--backend", "smb", "--target", $"smb://127.0.0.1:{port}/{fixture.Smbd.ShareName}",
            "--user", fixture.Smbd.UserName, "--password-env", _passwordEnv, "--results", Path.Combine(_tmp, "r"), "--json",
            "--time-scale", "0", .. extra]);
    }

    private IReadOnlyList<System.Text.Json.JsonElement> Journal() => ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToList();

    [RequiresSambaFact]
    public async Task The_right_password_replays_the_seed_into_the_default_run_root()
    {
        var code = await Replay(fixture.Smbd.Port, fixture.Smbd.Password, "--run-id", "cli-ok");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(13, Journal().Count(r => StatusText.IsSuccess(r.GetProperty("status").GetString()!)));
        Assert.True(File.Exists(Path.Combine(fixture.Smbd.SharePath, "smbench", "cli-ok", "docs", "report-final.txt")));
    }

    [RequiresSambaFact]
    public async Task Shared_connections_replay_the_seed_the_same_way()
    {
        var code = await Replay(fixture.Smbd.Port, fixture.Smbd.Password, "--run-id", "cli-shared", "--connections", "shared:1");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(13, Journal().Count(r => StatusText.IsSuccess(r.GetProperty("status").GetString()!)));
        Assert.True(File.Exists(Path.Combine(fixture.Smbd.SharePath, "smbench", "cli-shared", "docs", "report-final.txt")));
    }

    /// <summary>
    /// When no client can log in the run fails before the timeline starts (nothing was sent): exit 3, a failed summary
    /// naming the refusal, no op record, and never the password.
    /// </summary>
    [RequiresSambaFact]
    public async Task A_wrong_password_for_everyone_fails_the_run_with_exit_3()
    {
        var code = await Replay(fixture.Smbd.Port, "not-the-password");

        Assert.Equal(ExitCodes.Unreachable, code);
        Assert.DoesNotContain(Journal(), r => StatusText.IsSuccess(r.GetProperty("status").GetString()!));
        var summaryText = File.ReadAllText(Path.Combine(_tmp, "r", "summary.json"));
        var summary = RunSummary.FromJson(summaryText);
        Assert.Equal("failed", summary.State);
        Assert.Contains("STATUS_LOGON_FAILURE", summary.Error);
        Assert.DoesNotContain("not-the-password", summaryText, StringComparison.Ordinal);
    }

    /// <summary>One client with a wrong password: each of its ops is SMBENCH_LOGIN_FAILED, the other client runs.</summary>
    [RequiresSambaFact]
    public async Task A_client_whose_login_is_refused_fails_each_of_its_ops_and_the_others_run()
    {
        var smbd = fixture.Smbd;
        var root = "login-" + Guid.NewGuid().ToString("N")[..8];
        var backend = new SMBench.Actors.Backends.Smb.SmbBackend(
            new SMBench.Actors.Backends.Smb.SmbTarget("127.0.0.1", smbd.Port, smbd.ShareName, root),
            id => new SMBench.Core.Credentials.Credential(null, smbd.UserName, id == "client_002" ? "wrong-password" : smbd.Password),
            SMBench.Actors.Backends.ReplayMode.Mvp, new SMBench.Core.Blobs.BlobStore(ReplaySeedTests.SeedExample));

        var run = await SmbReplay.RunAsync(backend, ReplaySeedTests.SeedExample, SMBench.Actors.Backends.ReplayMode.Mvp,
            Path.Combine(_tmp, "r"), timeScale: 0, ct: SmbReplay.Timeout(60));

        var byClient = run.Ops.Values.ToLookup(r => r.GetProperty("client_id").GetString());
        Assert.Equal(6, byClient["client_002"].Count());
        Assert.All(byClient["client_002"], r => Assert.Equal(ReplayStatus.LoginFailed, r.GetProperty("status").GetString()));
        Assert.All(byClient["client_001"], r => Assert.Equal(StatusText.Success, r.GetProperty("status").GetString()));
        Assert.Equal(7, byClient["client_001"].Count());
    }

    [RequiresSambaFact]
    public async Task An_unreachable_port_exits_3()
    {
        var code = await Replay(FreePort.Next(), fixture.Smbd.Password);

        Assert.Equal(ExitCodes.Unreachable, code);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_passwordEnv, null);
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
