using SMBench.TestSupport;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SMBench.Core.Results;
using Xunit;

namespace SMBench.Integration.Tests.Daemon;

/// <summary>The HTTP API of a real daemon process: runs end to end, stop semantics, auth and refusals.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DaemonApiTests(DaemonFixture fixture)
{
    private DaemonProcess Daemon => fixture.Daemon;

    private static string SeedExample => Path.Combine(DaemonProcess.RepoRoot, "samples", "seed-example");

    private static List<JsonElement> Journal(JsonElement run)
        => ResultsJournal.ReadAll(Path.Combine(run.GetProperty("results_dir").GetString()!, ResultsJournal.FileName)).ToList();

    [Fact]
    public async Task The_seed_example_replays_on_the_local_backend_and_its_results_can_be_read()
    {
        var target = Path.Combine(Daemon.WorkDir, "seed-target");
        var id = await Daemon.SubmitAsync(new { workload = SeedExample, target = $"file://{target}", time_scale = 0 });
        var run = await Daemon.WaitEndedAsync(id);

        Assert.Equal("completed", run.GetProperty("state").GetString());
        var summary = run.GetProperty("summary");
        Assert.Equal(13, summary.GetProperty("ops_total").GetInt64());
        Assert.Equal(0, summary.GetProperty("ops_failed").GetInt64());
        Assert.Equal(13, run.GetProperty("progress").GetProperty("completed").GetInt64());
        Assert.True(File.Exists(Path.Combine(target, "smbench", id, "docs", "report-final.txt")), "the replay wrote under the run's root");

        var ops = await Daemon.Http.GetStringAsync($"/api/runs/{id}/results?format=ops");
        Assert.Equal(13, ops.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var fromApi = RunSummary.FromJson(await Daemon.Http.GetStringAsync($"/api/runs/{id}/results"));
        Assert.Equal(13, fromApi.OpsTotal);
        Assert.Equal("local", fromApi.Backend);
        Assert.True(File.Exists(Path.Combine(Daemon.DataDir, "runs", id, "summary.json")));

        // The status links the report, and the daemon serves it.
        var reportUrl = run.GetProperty("report_url").GetString()!;
        Assert.Equal($"/api/runs/{id}/report", reportUrl);
        var html = await Daemon.Http.GetStringAsync(reportUrl);
        Assert.Contains("id=\"summary\"", html);
        Assert.Contains(id, html);
    }

    [Fact]
    public async Task A_generated_workload_on_the_null_backend_completes_with_one_record_per_op()
    {
        var workload = GeneratedWorkload.Write(Path.Combine(Daemon.WorkDir, "gen-200"), clients: 200, reads: 20, spacingUs: 1_000);
        var id = await Daemon.SubmitAsync(new { workload, backend = "null", time_scale = 0 });
        var run = await Daemon.WaitEndedAsync(id);

        Assert.Equal("completed", run.GetProperty("state").GetString());
        Assert.Equal(200 * 22, run.GetProperty("summary").GetProperty("ops_total").GetInt64());
        Assert.Equal(200, run.GetProperty("summary").GetProperty("clients").GetInt32());
        var journal = Journal(run);
        Assert.Equal(200 * 22, journal.Count);
        Assert.Equal(journal.Count, journal.Select(j => j.GetProperty("op_id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Stopping_a_run_midway_keeps_exactly_one_journal_record_per_issued_op()
    {
        // 40 clients × 302 ops spaced 100 ms at real time: half a minute, stopped after a second or two.
        var workload = GeneratedWorkload.Write(Path.Combine(Daemon.WorkDir, "gen-long"), clients: 40, reads: 300, spacingUs: 100_000);
        var id = await Daemon.SubmitAsync(new { workload, backend = "null", time_scale = 1.0 });
        var running = await Daemon.WaitForAsync(id, r => r.GetProperty("progress").GetProperty("completed").GetInt64() > 200
                                                         && r.GetProperty("summary").ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60));
        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.True(running.GetProperty("summary").GetProperty("ops_total").GetInt64() > 0, "status carries the summary so far");

        using var stop = await Daemon.Http.PostAsync($"/api/runs/{id}/stop", null);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var run = await Daemon.WaitEndedAsync(id);

        Assert.Equal("stopped", run.GetProperty("state").GetString());
        var summary = run.GetProperty("summary");
        var journal = Journal(run);
        Assert.Equal(summary.GetProperty("ops_total").GetInt64(), journal.Count);
        Assert.Equal(journal.Count, journal.Select(j => j.GetProperty("op_id").GetString()).Distinct().Count());
        Assert.True(journal.Count < 40 * 302, "the run was stopped before the end");
        Assert.True(summary.GetProperty("ops_not_run").GetInt64() > 0);

        using var again = await Daemon.Http.PostAsync($"/api/runs/{id}/stop", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Requests_without_the_right_token_are_401_and_start_nothing()
    {
        var before = (await Daemon.GetJsonAsync("/api/runs")).GetProperty("runs").GetArrayLength();
        using var anonymous = new HttpClient { BaseAddress = new Uri(Daemon.Url) };
        var body = JsonContent.Create(new { workload = SeedExample, backend = "null" });

        using (var r = await anonymous.PostAsync("/api/runs", body)) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        using (var r = await anonymous.PostAsync("/api/runs", body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Contains("wrong bearer token", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var r = await anonymous.GetAsync("/api/runs")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await anonymous.GetAsync("/api/cluster")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);

        Assert.Equal(before, (await Daemon.GetJsonAsync("/api/runs")).GetProperty("runs").GetArrayLength());
        using (var r = await anonymous.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await anonymous.GetAsync("/metrics")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task Bad_requests_are_refused_precisely_while_a_run_goes_on_and_the_daemon_stays_healthy()
    {
        var workload = GeneratedWorkload.Write(Path.Combine(Daemon.WorkDir, "gen-3s"), clients: 10, reads: 30, spacingUs: 100_000);
        var id = await Daemon.SubmitAsync(new { workload, backend = "null", time_scale = 1.0 });

        await Refused("{\"workload\": ", HttpStatusCode.BadRequest, "malformed JSON");
        await Refused("{\"workload\": \"/no/such/workload\", \"backend\": \"null\"}", (HttpStatusCode)422, "not found on the daemon host");
        await Refused($"{{\"workload\": \"{SeedExample}\", \"mode\": \"turbo\"}}", HttpStatusCode.BadRequest, "'turbo' is not one of mvp, realistic, full");
        await Refused($"{{\"workload\": \"{SeedExample}\", \"target\": \"nfs://host/x\"}}", HttpStatusCode.BadRequest, "only smb:// and file://");
        await Refused($"{{\"workload\": \"{SeedExample}\", \"backend\": \"local\"}}", (HttpStatusCode)422, "the local backend needs target file:///dir");
        var invalid = Path.Combine(Daemon.WorkDir, "invalid");
        Directory.CreateDirectory(invalid);
        await File.WriteAllTextAsync(Path.Combine(invalid, "workload.json"), "{\"version\": 99, \"operations\": []}");
        await Refused($"{{\"workload\": \"{invalid}\", \"backend\": \"null\"}}", (HttpStatusCode)422, "invalid");

        using (var health = await Daemon.Http.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var run = await Daemon.WaitEndedAsync(id);
        Assert.Equal("completed", run.GetProperty("state").GetString());
        Assert.Equal(10 * 32, run.GetProperty("summary").GetProperty("ops_total").GetInt64());
    }

    private async Task Refused(string body, HttpStatusCode status, string message)
    {
        using var r = await Daemon.Http.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(status == r.StatusCode, $"expected {(int)status} for {body}, got {(int)r.StatusCode}: {text}");
        Assert.Contains(message, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_actors_logs_palettes_and_the_openapi_document_answer()
    {
        var cluster = await Daemon.GetJsonAsync("/api/cluster");
        var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
        Assert.Equal("akka://smbench", member.GetProperty("address").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.Equal(0, member.GetProperty("roles").GetArrayLength());
        Assert.Equal("akka://smbench", cluster.GetProperty("leader").GetString());
        using (var leave = await Daemon.Http.PostAsync("/api/cluster/leave", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
            Assert.Contains("single node", await leave.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var actors = await Daemon.GetJsonAsync("/api/actors?depth=2");
        var user = actors.GetProperty("root").GetProperty("children").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "user");
        Assert.Contains(user.GetProperty("children").EnumerateArray(), c => c.GetProperty("path").GetString() == "/user/runs"
                                                                          && c.GetProperty("type").GetString() == "RunManager");

        var logs = await Daemon.GetJsonAsync("/api/logs?tail=5");
        Assert.InRange(logs.GetProperty("entries").GetArrayLength(), 1, 5);

        var palettes = await Daemon.GetJsonAsync("/api/cmd/palettes");
        Assert.Equal(["run", "cluster", "actor", "log"], palettes.GetProperty("palettes").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var openApi = await Daemon.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/runs/{id}", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_follows_as_server_sent_events()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/logs?follow=true&tail=3");
        using var response = await Daemon.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        do line = await reader.ReadLineAsync(cts.Token);
        while (line != null && !line.StartsWith("data: ", StringComparison.Ordinal));
        Assert.NotNull(line);
        using var entry = JsonDocument.Parse(line![6..]);
        Assert.True(entry.RootElement.GetProperty("seq").GetInt64() > 0);
    }
}
