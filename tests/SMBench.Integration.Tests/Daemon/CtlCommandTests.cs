using SMBench.TestSupport;
using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace SMBench.Integration.Tests.Daemon;

/// <summary>Every <c>smbench ctl</c> palette command, one-shot as a process against the live daemon.</summary>
[Collection(DaemonCollection.Name)]
public sealed class CtlCommandTests(DaemonFixture fixture)
{
    private DaemonProcess Daemon => fixture.Daemon;

    private Task<(int Code, string Out, string Err)> Ctl(params string[] args) => Daemon.RunCliAsync(["ctl", .. args]);

    private static string SeedExample => Path.Combine(DaemonProcess.RepoRoot, "samples", "seed-example");

    [Fact]
    public async Task Run_palette_start_list_status_watch_and_stop()
    {
        var target = Path.Combine(Daemon.WorkDir, "ctl-target");
        var start = await Ctl("run", "start", SeedExample, "--target", $"file://{target}", "--time-scale", "0", "--json");
        Assert.True(start.Code == 0, start.Err);
        var id = JsonDocument.Parse(start.Out).RootElement.GetProperty("id").GetString()!;

        var watch = await Ctl("run", "watch", id, "--interval", "0.2");
        Assert.True(watch.Code == 0, watch.Err);
        Assert.Contains("completed", watch.Out, StringComparison.Ordinal);
        Assert.Contains("summary: 13 ops (13 ok, 0 failed)", watch.Out, StringComparison.Ordinal);

        var list = await Ctl("run", "list");
        Assert.Equal(0, list.Code);
        Assert.Contains(id, list.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ id\s+│ state\s+│", list.Out);
        var listJson = await Ctl("--json", "run", "list");
        Assert.Contains(JsonDocument.Parse(listJson.Out).RootElement.GetProperty("runs").EnumerateArray(), r => r.GetProperty("id").GetString() == id);

        var status = await Ctl("run", "status", id);
        Assert.Equal(0, status.Code);
        Assert.Contains("completed", status.Out, StringComparison.Ordinal);
        Assert.Contains("lateness ms", status.Out, StringComparison.Ordinal);

        var stopEnded = await Ctl("run", "stop", id);
        Assert.Equal(1, stopEnded.Code);
        Assert.Contains("already ended", stopEnded.Err, StringComparison.Ordinal);

        var waitStart = await Ctl("run", "start", SeedExample, "--backend", "null", "--time-scale", "0", "--wait", "--interval", "0.2");
        Assert.True(waitStart.Code == 0, waitStart.Err);
        Assert.Contains("summary: 13 ops", waitStart.Out, StringComparison.Ordinal);

        var unknown = await Ctl("run", "status", "no-such-run");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("no run with id 'no-such-run'", unknown.Err, StringComparison.Ordinal);

        var refused = await Ctl("run", "start", "/no/such/workload", "--backend", "null");
        Assert.Equal(2, refused.Code);
        Assert.Contains("not found on the daemon host", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_watch_streams_until_interrupted_and_run_stop_ends_a_running_run()
    {
        var workload = GeneratedWorkload.Write(Path.Combine(Daemon.WorkDir, "ctl-long"), clients: 10, reads: 300, spacingUs: 100_000);
        var start = await Ctl("run", "start", workload, "--backend", "null", "--json");
        var id = JsonDocument.Parse(start.Out).RootElement.GetProperty("id").GetString()!;
        await Daemon.WaitForAsync(id, r => r.GetProperty("state").GetString() == "running", TimeSpan.FromSeconds(60));

        var (code, output) = await StreamThenInterrupt(["ctl", "run", "watch", id, "--interval", "0.2"], lines: 2);
        Assert.Equal(0, code);
        Assert.Contains($"{id} running:", output, StringComparison.Ordinal);
        Assert.Contains("stopped watching", output, StringComparison.Ordinal);

        var stop = await Ctl("run", "stop", id);
        Assert.True(stop.Code == 0, stop.Err);
        Assert.Contains("stop requested", stop.Out, StringComparison.Ordinal);
        Assert.Equal("stopped", (await Daemon.WaitEndedAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Cluster_palette_shows_the_single_node_and_refuses_leave_and_down()
    {
        var show = await Ctl("cluster", "show");
        Assert.Equal(0, show.Code);
        Assert.Matches(@"akka://smbench\s+│ Up", show.Out);
        Assert.Equal("akka://smbench: Up (single-node)", (await Ctl("cluster", "status")).Out.Trim());
        Assert.Equal("akka://smbench", (await Ctl("cluster", "leader")).Out.Trim());
        var json = await Ctl("cluster", "show", "--json");
        Assert.Equal("akka://smbench", JsonDocument.Parse(json.Out).RootElement.GetProperty("leader").GetString());
        foreach (var verb in new[] { "leave", "down" })
        {
            var r = await Ctl("cluster", verb);
            Assert.Equal(1, r.Code);
            Assert.Contains("single node", r.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Actor_palette_prints_the_hierarchy_to_the_asked_depth()
    {
        var deep = await Ctl("actor", "hierarchy", "-d", "2");
        Assert.Equal(0, deep.Code);
        Assert.Contains("/user/runs [RunManager]", deep.Out, StringComparison.Ordinal);
        var shallow = await Ctl("actor", "hierarchy", "-d", "1");
        Assert.DoesNotContain("/user/runs", shallow.Out, StringComparison.Ordinal);
        Assert.Contains("/user", shallow.Out, StringComparison.Ordinal);
        var json = await Ctl("actor", "hierarchy", "--path", "/user", "-d", "1", "--json");
        Assert.Equal("/user", JsonDocument.Parse(json.Out).RootElement.GetProperty("root").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Log_palette_peeks_and_tails_until_interrupted()
    {
        var peek = await Ctl("log", "peek", "-n", "5");
        Assert.Equal(0, peek.Code);
        var lines = peek.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 1, 5);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT", lines[0]);
        var json = await Ctl("log", "peek", "-n", "2", "--json");
        Assert.InRange(JsonDocument.Parse(json.Out).RootElement.GetProperty("entries").GetArrayLength(), 1, 2);

        // Akka's events keep the actor path as their category and lose Akka's own header.
        var id = await Daemon.SubmitAsync(new { workload = SeedExample, backend = "null", time_scale = 0 });
        await Daemon.WaitEndedAsync(id);
        var recent = await Ctl("log", "peek", "-n", "200");
        Assert.Contains($"akka://smbench/user/runs: run {id} completed", recent.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("[INFO][", recent.Out, StringComparison.Ordinal);

        var (code, output) = await StreamThenInterrupt(["ctl", "log", "tail", "-n", "3"], lines: 3);
        Assert.Equal(0, code);
        Assert.True(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 3, output);
    }

    [Fact]
    public async Task Help_discovers_the_palettes_and_the_prompt_runs_piped_commands()
    {
        var help = await Ctl("help");
        Assert.Equal(0, help.Code);
        foreach (var usage in new[] { "run start <workload>", "cluster leader", "actor hierarchy [-d N]", "log tail [-n N]" })
            Assert.Contains(usage, help.Out, StringComparison.Ordinal);

        var shell = await Daemon.RunCliAsync(["ctl"], stdin: "help log\ncluster leader\nnope\nexit\n");
        Assert.Contains("smbench> ", shell.Out, StringComparison.Ordinal);
        Assert.Contains("log peek [-n N]", shell.Out, StringComparison.Ordinal);
        Assert.Contains("akka://smbench", shell.Out, StringComparison.Ordinal);
        Assert.Contains("error: unknown palette 'nope'", shell.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_or_missing_token_and_an_unreachable_daemon_give_clear_errors()
    {
        var wrong = await Daemon.RunCliAsync(["ctl", "run", "list"], token: "wrong");
        Assert.Equal(3, wrong.Code);
        Assert.Contains("refused the token (401)", wrong.Err, StringComparison.Ordinal);
        var missing = await Daemon.RunCliAsync(["ctl", "run", "list"], token: null);
        Assert.Equal(3, missing.Code);
        Assert.Contains("set SMBENCH_API_TOKEN", missing.Err, StringComparison.Ordinal);
        var unreachable = await Daemon.RunCliAsync(["ctl", "--daemon", $"http://127.0.0.1:{SMBench.TestSupport.FreePort.Next()}", "cluster", "show"]);
        Assert.Equal(3, unreachable.Code);
        Assert.Contains("cannot reach the daemon", unreachable.Err, StringComparison.Ordinal);
    }

    /// <summary>Starts a streaming ctl command, waits for some output lines, sends SIGINT (Ctrl-C), returns exit code and output.</summary>
    private async Task<(int Code, string Output)> StreamThenInterrupt(string[] args, int lines)
    {
        using var p = Process.Start(DaemonProcess.Cli(args, DaemonProcess.Token, Daemon.Url))!;
        var seen = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (seen.Count < lines)
        {
            var line = await p.StandardOutput.ReadLineAsync(cts.Token)
                       ?? throw new InvalidOperationException($"{string.Join(' ', args)} ended early: {string.Join('\n', seen)} {await p.StandardError.ReadToEndAsync()}");
            seen.Add(line);
        }
        DaemonProcess.Signal(p.Id, DaemonProcess.SigInt);
        var rest = await p.StandardOutput.ReadToEndAsync(cts.Token);
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, string.Join('\n', seen) + "\n" + rest);
    }
}
