using SMBench.Core.Results;
using SMBench.Integration.Tests.Cli;
using SMBench.Integration.Tests.Daemon;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Faults;

/// <summary>
/// The daemon dies with SIGKILL in the middle of a busy run: no shutdown code runs, so what is on disk is exactly
/// what the journal had flushed. It must be whole JSON lines only, and the report must still render the run.
/// </summary>
public sealed class DaemonKillTests
{
    [Fact]
    public async Task After_sigkill_the_journal_has_only_whole_records_and_the_report_renders_the_partial_run()
    {
        var dataDir = Directory.CreateTempSubdirectory("smbench-daemon-kill-").FullName;
        string runDir;
        await using (var daemon = await DaemonProcess.StartAsync(dataDir))
        {
            // 40 clients, one op each every 5 ms, looped for a minute: thousands of records per second being written.
            var workload = GeneratedWorkload.Write(Path.Combine(daemon.WorkDir, "busy"), clients: 40, reads: 200, spacingUs: 5_000);
            var id = await daemon.SubmitAsync(new { workload, backend = "null", null_latency_ms = 1.0, time_scale = 1.0, duration = "60s" });
            runDir = Path.Combine(dataDir, "runs", id);
            await daemon.WaitForAsync(id, r => r.GetProperty("progress").GetProperty("completed").GetInt64() > 5_000, TimeSpan.FromSeconds(90));

            DaemonProcess.Signal(daemon.ProcessId, 9);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!daemon.HasExited) await Task.Delay(50, cts.Token);
        }

        var journal = Path.Combine(runDir, ResultsJournal.FileName);
        var records = JournalChecks.ReadIntact(journal);
        Assert.True(records.Count > 5_000, $"{records.Count} records");
        Assert.False(File.Exists(Path.Combine(runDir, "summary.json")), "a killed run cannot have written its summary");
        Assert.All(records.Values, r => Assert.Equal(StatusText.Success, r.Status()));
        Assert.All(records.Keys, id => Assert.Contains('#', id)); // looped: every id carries its pass

        var report = Path.Combine(runDir, "report.html");
        var (code, stdout, stderr) = await SmbenchProcess.RunAsync($"report {runDir} -o {report}");
        Assert.True(code == 0, stdout + stderr);
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("No summary.json", html, StringComparison.Ordinal);
        Assert.Contains(records.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        try { Directory.Delete(dataDir, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
