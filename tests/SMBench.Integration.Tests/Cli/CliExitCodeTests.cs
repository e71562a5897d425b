using System.Text.Json;
using SMBench.Core.Ir;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Cli;

/// <summary>The exit codes and --json contract of design.md §6, checked on the real executable.</summary>
public sealed class CliExitCodeTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-cli-").FullName;
    private static string Seed => Path.Combine(SmbenchProcess.RepoRoot(), "samples", "seed-example");

    [Fact]
    public async Task A_replay_that_succeeds_exits_0_and_json_prints_only_the_summary()
    {
        var (code, stdout, stderr) = await SmbenchProcess.RunAsync(
            $"replay {Seed} --target file://{_tmp}/share --results {_tmp}/r --time-scale 0 --json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout); // the whole of stdout is one JSON object
        var s = doc.RootElement;
        foreach (var field in new[] { "ops_total", "ops_ok", "ops_failed", "clients", "duration_s", "ops_per_s", "latency_ms",
                     "lateness_ms", "status_checked", "status_match_rate", "breaks", "by_type" })
            Assert.True(s.TryGetProperty(field, out _), $"summary lacks {field}");
        Assert.Equal(13, s.GetProperty("ops_total").GetInt64());
        Assert.Equal(13, File.ReadAllLines(Path.Combine(_tmp, "r", "ops.jsonl")).Length);
    }

    [Fact]
    public async Task An_invalid_workload_exits_2_with_file_line_and_op_id_and_runs_nothing()
    {
        var dir = Path.Combine(_tmp, "bad");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "workload.jsonl"),
            "{\"version\":1}\n{\"op_id\":\"o1\",\"client_id\":\"c\",\"timestamp_us\":0,\"type\":\"open\",\"path\":\"../../etc/passwd\",\"mode\":\"read\",\"handle_ref\":\"h\"}\n");
        var (code, _, stderr) = await SmbenchProcess.RunAsync($"replay {dir} --target file://{_tmp}/share --results {_tmp}/r");
        Assert.Equal(2, code);
        Assert.Contains("workload.jsonl:2: op o1:", stderr);
        Assert.Contains("..", stderr);
        Assert.False(Directory.Exists(Path.Combine(_tmp, "r")));
        var (vcode, _, verr) = await SmbenchProcess.RunAsync($"validate {dir}");
        Assert.Equal(2, vcode);
        Assert.Contains("workload.jsonl:2", verr);
    }

    [Fact]
    public async Task Failures_above_the_error_rate_exit_1()
    {
        var dir = Path.Combine(_tmp, "w");
        using (var w = new WorkloadWriter(dir))
        {
            w.Write(new OpenOp { OpId = "1", ClientId = "c", TimestampUs = 0, Path = "missing.txt", Mode = OpenMode.Read, Handle = "h" });
            w.Write(new CloseOp { OpId = "2", ClientId = "c", TimestampUs = 1, Handle = "h" });
            w.Complete();
        }
        var (code, _, stderr) = await SmbenchProcess.RunAsync($"replay {dir} --target file://{_tmp}/share --results {_tmp}/r --json");
        Assert.True(code == 1, stderr);
        var (tolerant, _, _) = await SmbenchProcess.RunAsync($"replay {dir} --target file://{_tmp}/share --results {_tmp}/r2 --json --max-error-rate 1");
        Assert.Equal(0, tolerant);
    }

    [Fact]
    public async Task An_unreachable_server_exits_3()
    {
        var port = FreePort.Next(); // nothing listens there
        var env = new Dictionary<string, string> { ["SMBENCH_PASSWORD"] = "irrelevant" };
        var (code, _, stderr) = await SmbenchProcess.RunAsync(
            $"replay {Seed} --target smb://127.0.0.1:{port}/share --user nobody --results {_tmp}/r --json", env);
        Assert.True(code == 3, stderr);
        Assert.Contains("127.0.0.1", stderr);
    }

    [RequiresSambaFact]
    public async Task A_wrong_password_exits_3_and_never_shows_the_password()
    {
        await using var smbd = await SambaServer.StartAsync();
        const string wrong = "Not-The-Passw0rd-42";
        var env = new Dictionary<string, string> { ["SMBENCH_PASSWORD"] = wrong };
        var (code, stdout, stderr) = await SmbenchProcess.RunAsync(
            $"replay {Seed} --target smb://127.0.0.1:{smbd.Port}/share --user {smbd.UserName} --results {_tmp}/r", env);
        Assert.True(code == 3, stderr);
        Assert.Contains("LOGON_FAILURE", stderr + stdout);
        Assert.DoesNotContain(wrong, stdout + stderr);
        foreach (var file in Directory.GetFiles(Path.Combine(_tmp, "r")))
            Assert.DoesNotContain(wrong, File.ReadAllText(file));
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
