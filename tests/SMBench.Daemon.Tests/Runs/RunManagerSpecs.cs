using SMBench.TestSupport;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SMBench.Actors.Backends;
using SMBench.Daemon.Runs;
using SMBench.Streams.Runs;
using Xunit;
using Xunit.Abstractions;
using static SMBench.Daemon.Runs.RunManagerProtocol;

namespace SMBench.Daemon.Tests.Runs;

/// <summary>
/// The run manager's lifecycle in an actor system hosted the way the daemon hosts it (Generic Host + Akka.Hosting,
/// <see cref="RunManagerHostingExtensions.AddRunManager"/>): queued → running → completed | stopped | failed.
/// </summary>
public sealed class RunManagerSpecs : Akka.TestKit.Xunit2.TestKit
{
    private readonly IHost _host;
    private readonly string _dir;
    private readonly RunManagerOptions _options;

    public RunManagerSpecs(ITestOutputHelper output) : this(StartHost(), output)
    {
    }

    private RunManagerSpecs((IHost Host, string Dir, RunManagerOptions Options) hosted, ITestOutputHelper output)
        : base(hosted.Host.Services.GetRequiredService<ActorSystem>(), output)
    {
        (_host, _dir, _options) = hosted;
    }

    private static (IHost, string, RunManagerOptions) StartHost()
    {
        var dir = Directory.CreateTempSubdirectory("smbench-runmanager-").FullName;
        var options = new RunManagerOptions { DataDir = Path.Combine(dir, "data"), MaxConcurrentRuns = 1 };
        var host = Host.CreateDefaultBuilder()
            .ConfigureServices(services => services.AddAkka("smbench", akka => akka.AddRunManager(options)))
            .Build();
        host.StartAsync().GetAwaiter().GetResult();
        return (host, dir, options);
    }

    private IActorRef Manager => _host.Services.GetRequiredService<ActorRegistry>().Get<RunManager>();

    private Submit Job(string workload, string id, double timeScale) => new(new ReplayRequest
    {
        WorkloadPath = workload, Backend = new NullBackend(), ResultsDir = _options.ResultsDirFor(id), TimeScale = timeScale, RunId = id,
    }, 0, 0);

    private string Workload(string name, int clients, int reads, long spacingUs)
        => GeneratedWorkload.Write(Path.Combine(_dir, name), clients, reads, spacingUs);

    private async Task<RunRecord> AwaitState(string id, string state, TimeSpan? within = null)
    {
        RunRecord? last = null;
        await AwaitAssertAsync(async () =>
        {
            last = await Manager.Ask<RunRecord>(new GetRun(id), TimeSpan.FromSeconds(5));
            Assert.Equal(state, last.State);
        }, within ?? TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        return last!;
    }

    [Fact]
    public async Task Runs_queue_behind_the_running_one_and_go_queued_running_stopped_then_completed()
    {
        var slow = Workload("slow", clients: 4, reads: 600, spacingUs: 100_000); // a minute at time scale 1
        var quick = Workload("quick", clients: 8, reads: 20, spacingUs: 1_000);

        var first = await Manager.Ask<RunRecord>(Job(slow, "first", 1.0), TimeSpan.FromSeconds(10));
        Assert.Equal(RunStates.Running, first.State);
        var second = await Manager.Ask<RunRecord>(Job(quick, "second", 0), TimeSpan.FromSeconds(10));
        Assert.Equal(RunStates.Queued, second.State);

        await AwaitAssertAsync(async () =>
        {
            var live = await Manager.Ask<RunRecord>(new GetRun("first"), TimeSpan.FromSeconds(5));
            Assert.True(live.Summary?.OpsTotal > 0, "the running run reports a live summary");
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        Assert.IsType<StopAccepted>(await Manager.Ask<object>(new StopRun("first", "test"), TimeSpan.FromSeconds(5)));

        var stopped = await AwaitState("first", RunStates.Stopped);
        Assert.NotNull(stopped.Summary);
        Assert.True(stopped.Summary!.OpsNotRun > 0, "a stopped run leaves ops not run");
        var completed = await AwaitState("second", RunStates.Completed);
        Assert.Equal(8 * 22, completed.Summary!.OpsTotal);
        Assert.NotNull(completed.StartedAt);
        Assert.IsType<AlreadyEnded>(await Manager.Ask<object>(new StopRun("second", "test"), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_queued_run_that_is_stopped_never_starts()
    {
        var slow = Workload("slow", clients: 2, reads: 600, spacingUs: 100_000);
        await Manager.Ask<RunRecord>(Job(slow, "busy", 1.0), TimeSpan.FromSeconds(10));
        var waiting = await Manager.Ask<RunRecord>(Job(slow, "waiting", 1.0), TimeSpan.FromSeconds(10));
        Assert.Equal(RunStates.Queued, waiting.State);

        var answer = Assert.IsType<StopAccepted>(await Manager.Ask<object>(new StopRun("waiting", "not needed"), TimeSpan.FromSeconds(5)));
        Assert.Equal(RunStates.Stopped, answer.Run.State);
        Assert.Null(answer.Run.StartedAt);
        Assert.False(Directory.Exists(_options.ResultsDirFor("waiting")));

        await Manager.Ask<object>(new StopRun("busy", "test"), TimeSpan.FromSeconds(5));
        await AwaitState("busy", RunStates.Stopped);
    }

    [Fact]
    public async Task A_run_whose_workload_vanished_before_its_turn_fails_with_the_reason()
    {
        var slow = Workload("slow", clients: 2, reads: 600, spacingUs: 100_000);
        var doomed = Workload("doomed", clients: 2, reads: 5, spacingUs: 1_000);
        await Manager.Ask<RunRecord>(Job(slow, "busy", 1.0), TimeSpan.FromSeconds(10));
        await Manager.Ask<RunRecord>(Job(doomed, "doomed", 0), TimeSpan.FromSeconds(10));
        Directory.Delete(doomed, recursive: true);

        await Manager.Ask<object>(new StopRun("busy", "test"), TimeSpan.FromSeconds(5));
        var failed = await AwaitState("doomed", RunStates.Failed);
        Assert.False(string.IsNullOrEmpty(failed.Error));
        Assert.Equal(RunStates.Stopped, (await Manager.Ask<RunRecord>(new GetRun("busy"), TimeSpan.FromSeconds(5))).State);
    }

    [Fact]
    public async Task Unknown_runs_are_reported_and_stop_all_waits_for_running_runs()
    {
        Assert.IsType<NotFound>(await Manager.Ask<object>(new GetRun("nope"), TimeSpan.FromSeconds(5)));
        Assert.IsType<NotFound>(await Manager.Ask<object>(new StopRun("nope", "x"), TimeSpan.FromSeconds(5)));

        var slow = Workload("slow", clients: 2, reads: 600, spacingUs: 100_000);
        await Manager.Ask<RunRecord>(Job(slow, "a", 1.0), TimeSpan.FromSeconds(10));
        await Manager.Ask<RunRecord>(Job(slow, "b", 1.0), TimeSpan.FromSeconds(10));
        await Manager.Ask<AllStopped>(new StopAll("shutdown"), TimeSpan.FromSeconds(30));

        Assert.Equal(RunStates.Stopped, (await Manager.Ask<RunRecord>(new GetRun("a"), TimeSpan.FromSeconds(5))).State);
        Assert.Equal(RunStates.Stopped, (await Manager.Ask<RunRecord>(new GetRun("b"), TimeSpan.FromSeconds(5))).State);
        Assert.True(File.Exists(Path.Combine(_options.ResultsDirFor("a"), "summary.json")), "the stopped run wrote its summary");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Manager.Ask<RunRecord>(Job(slow, "c", 0), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ended_runs_are_found_again_by_a_new_manager_on_the_same_data_dir()
    {
        var quick = Workload("quick", clients: 3, reads: 5, spacingUs: 1_000);
        await Manager.Ask<RunRecord>(Job(quick, "earlier", 0), TimeSpan.FromSeconds(10));
        await AwaitState("earlier", RunStates.Completed);

        var second = Sys.ActorOf(RunManager.Props(_options), "runs-again");
        var list = await second.Ask<RunList>(new ListRuns(), TimeSpan.FromSeconds(5));
        var earlier = Assert.Single(list.Runs);
        Assert.Equal("earlier", earlier.Id);
        Assert.Equal(RunStates.Completed, earlier.State);
        Assert.Equal(3 * 7, earlier.Summary!.OpsTotal);
    }

    protected override void AfterAll()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        base.AfterAll();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a run may still be closing its journal; the temp dir is harmless */ }
    }
}
