using System.Text.Json;
using SMBench.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace SMBench.Integration.Tests.Compiler;

/// <summary>
/// The whole path a user takes: capture smbclient against smbd, `smbench compile` the capture, `smbench replay` the
/// workload on the local backend (every core operation replays without error) and on the SMB backend in Mode 1
/// against the same server (every status the capture recorded is reproduced).
/// </summary>
public sealed class CompileReplayTests
{
    private readonly ITestOutputHelper _out;

    public CompileReplayTests(ITestOutputHelper output) => _out = output;

    [RequiresCaptureFact]
    public async Task Captured_smbclient_session_compiles_and_replays_locally()
    {
        var dir = Directory.CreateTempSubdirectory("smbench-compile-replay-").FullName;
        try
        {
            var pcap = Path.Combine(dir, "session.pcap");
            var upload = Path.Combine(dir, "upload.bin");
            await File.WriteAllBytesAsync(upload, Enumerable.Range(0, 50_000).Select(i => (byte)(i % 253)).ToArray());
            await using var server = await SambaServer.StartAsync();
            await using (var capture = await LoopbackCapture.StartAsync(pcap, server.Port))
            {
                var (code, output) = server.SmbClient($"mkdir work; cd work; put {upload} a.bin; get a.bin {dir}/back.bin; rename a.bin b.bin; put {upload} c.bin; del c.bin; ls");
                Assert.True(code == 0, output);
                await capture.StopAsync();
            }

            var workload = Path.Combine(dir, "workload");
            var compile = await Smbench($"compile {pcap} -o {workload} --json");
            Assert.True(compile.ExitCode == 0, compile.Output);
            using var report = JsonDocument.Parse(compile.Output);
            var opsTotal = report.RootElement.GetProperty("ops_total").GetInt64();
            Assert.True(opsTotal > 10, compile.Output);

            var target = Path.Combine(dir, "target");
            Directory.CreateDirectory(target);
            var replay = await Smbench($"replay {workload} --target file://{target} --backend local --time-scale 0 --json");
            _out.WriteLine(replay.Output);
            Assert.True(replay.ExitCode is 0 or 1, replay.Output);
            using var summary = JsonDocument.Parse(replay.Output);
            Assert.Equal(opsTotal, summary.RootElement.GetProperty("ops_total").GetInt64());
            foreach (var type in new[] { "open", "close", "read", "write", "mkdir", "rename", "delete" })
            {
                var counts = summary.RootElement.GetProperty("by_type").GetProperty(type);
                Assert.True(counts.GetProperty("ok").GetInt64() > 0, $"{type}: {counts}");
                Assert.True(counts.GetProperty("failed").GetInt64() == 0, $"{type}: {counts}");
            }

            // Mode 1 over SMB, under its own --root on the same server: the captured statuses must all come back.
            var smb = await Smbench($"replay {workload} --target smb://127.0.0.1:{server.Port}/{server.ShareName} --backend smb --mode realistic " +
                $"--user {server.UserName} --password-env SMBENCH_COMPILE_TEST_PW --time-scale 0 --json",
                new Dictionary<string, string> { ["SMBENCH_COMPILE_TEST_PW"] = server.Password });
            _out.WriteLine(smb.Output);
            Assert.True(smb.ExitCode == 0, smb.Output);
            using var smbSummary = JsonDocument.Parse(smb.Output);
            Assert.Equal(opsTotal, smbSummary.RootElement.GetProperty("status_checked").GetInt64());
            Assert.Equal(1.0, smbSummary.RootElement.GetProperty("status_match_rate").GetDouble());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static async Task<(int ExitCode, string Output)> Smbench(string args, IDictionary<string, string>? env = null)
    {
        var (code, stdout, stderr) = await Cli.SmbenchProcess.RunAsync(args, env);
        return (code, stdout.Length > 0 ? stdout : stderr);
    }
}
