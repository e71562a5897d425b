using SMBench.Core.Results;
using Xunit;

namespace SMBench.Integration.Tests.Daemon;

/// <summary><c>smbench replay … --daemon URL</c>: the run happens in the daemon, the CLI prints the same summary.</summary>
[Collection(DaemonCollection.Name)]
public sealed class ReplayViaDaemonTests(DaemonFixture fixture)
{
    [Fact]
    public async Task Replay_with_daemon_prints_the_summary_of_the_run_the_daemon_did()
    {
        var daemon = fixture.Daemon;
        var seed = Path.Combine(DaemonProcess.RepoRoot, "samples", "seed-example");
        var target = Path.Combine(daemon.WorkDir, "replay-target");
        var (code, stdout, stderr) = await daemon.RunCliAsync(["replay", seed, "--target", target, "--time-scale", "0", "--json", "--daemon", daemon.Url]);
        Assert.True(code == 0, stderr);
        var summary = RunSummary.FromJson(stdout);
        Assert.Equal(13, summary.OpsTotal);
        Assert.Equal("local", summary.Backend);
        Assert.True(File.Exists(Path.Combine(daemon.DataDir, "runs", summary.RunId!, "ops.jsonl")), "the results are in the daemon's data dir");

        var refused = await daemon.RunCliAsync(["replay", seed, "--backend", "null", "--mode", "full", "--daemon", daemon.Url, "--run-id", summary.RunId!]);
        Assert.Equal(2, refused.Code);
        Assert.Contains("already used", refused.Err, StringComparison.Ordinal);
    }
}
