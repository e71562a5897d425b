using SMBench.TestSupport;
using System.Text.Json;
using SMBench.Core.Results;
using Xunit;

namespace SMBench.Integration.Tests.Daemon;

/// <summary>Daemons of their own: graceful SIGTERM with a run in progress, restart on the same data dir, refusals at start.</summary>
public sealed class DaemonLifecycleTests
{
    [Fact]
    public async Task Sigterm_stops_the_running_run_writes_its_results_and_a_restarted_daemon_lists_it()
    {
        string id;
        var dataDir = Directory.CreateTempSubdirectory("smbench-daemon-data-").FullName;
        await using (var daemon = await DaemonProcess.StartAsync(dataDir))
        {
            var workload = GeneratedWorkload.Write(Path.Combine(daemon.WorkDir, "long"), clients: 20, reads: 300, spacingUs: 100_000);
            id = await daemon.SubmitAsync(new { workload, backend = "null", time_scale = 1.0 });
            var queued = await daemon.SubmitAsync(new { workload, backend = "null", time_scale = 1.0 });
            await daemon.WaitForAsync(id, r => r.GetProperty("progress").GetProperty("completed").GetInt64() > 50, TimeSpan.FromSeconds(60));
            Assert.Equal("queued", (await daemon.GetJsonAsync($"/api/runs/{queued}")).GetProperty("state").GetString());

            Assert.Equal(0, await daemon.TerminateAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("runs stopped and their results written", daemon.Output, StringComparison.Ordinal);
        }

        var runDir = Path.Combine(dataDir, "runs", id);
        var summary = RunSummary.FromJson(await File.ReadAllTextAsync(Path.Combine(runDir, "summary.json")));
        Assert.Equal("stopped", summary.State);
        var journal = ResultsJournal.ReadAll(Path.Combine(runDir, ResultsJournal.FileName)).ToList();
        Assert.Equal(summary.OpsTotal, journal.Count);
        Assert.Equal(journal.Count, journal.Select(j => j.GetProperty("op_id").GetString()).Distinct().Count());

        await using var again = await DaemonProcess.StartAsync(dataDir, Directory.CreateTempSubdirectory("smbench-daemon-it-").FullName);
        var listed = (await again.GetJsonAsync("/api/runs")).GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal("stopped", listed.GetProperty("state").GetString());
        Assert.Equal(summary.OpsTotal, listed.GetProperty("summary").GetProperty("ops_total").GetInt64());
        try { Directory.Delete(dataDir, recursive: true); }
        catch (IOException) { /* best effort */ }
    }

    [Fact]
    public async Task Ctrl_c_stops_the_daemon_cleanly()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var workload = GeneratedWorkload.Write(Path.Combine(daemon.WorkDir, "long"), clients: 5, reads: 300, spacingUs: 100_000);
        var id = await daemon.SubmitAsync(new { workload, backend = "null", time_scale = 1.0 });
        await daemon.WaitForAsync(id, r => r.GetProperty("progress").GetProperty("completed").GetInt64() > 10, TimeSpan.FromSeconds(60));

        DaemonProcess.Signal(daemon.ProcessId, DaemonProcess.SigInt);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!daemon.HasExited) await Task.Delay(100, cts.Token);
        var summary = RunSummary.FromJson(await File.ReadAllTextAsync(Path.Combine(daemon.DataDir, "runs", id, "summary.json")));
        Assert.Equal("stopped", summary.State);
        Assert.Contains("Application is shutting down", daemon.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daemon_refuses_to_listen_beyond_loopback_without_a_token()
    {
        var dir = Directory.CreateTempSubdirectory("smbench-daemon-it-").FullName;
        try
        {
            using var p = System.Diagnostics.Process.Start(DaemonProcess.Cli(
                ["daemon", "--http", $"http://0.0.0.0:{SMBench.TestSupport.FreePort.Next()}", "--data-dir", dir], token: null, daemonUrl: null))!;
            var err = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
            Assert.Equal(2, p.ExitCode);
            Assert.Contains("refusing to listen on http://0.0.0.0", err, StringComparison.Ordinal);
            Assert.Contains("SMBENCH_API_TOKEN", err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
