using Akka.Actor;
using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Local;
using SMBench.Streams.Runs;
using Xunit;

namespace SMBench.Integration.Tests.Reports;

/// <summary>
/// Real result directories, produced once per test class by replaying workloads: A and B are the same workload on
/// the null backend (B with 15 ms of latency per op, the "slower server"), C is a local-backend run with failures.
/// </summary>
public sealed class ReplayedRunsFixture : IAsyncLifetime
{
    private ActorSystem? _system;

    public string Root { get; } = Directory.CreateTempSubdirectory("smbench-reports-").FullName;
    public string RunA => Path.Combine(Root, "results-a");
    public string RunB => Path.Combine(Root, "results-b");
    public string RunC => Path.Combine(Root, "results-c");
    public string WorkloadWithExpectations => Path.Combine(Root, "workload-expect");

    public async Task InitializeAsync()
    {
        _system = ActorSystem.Create("reports-tests");
        ReportWorkloads.WithExpectations(WorkloadWithExpectations, spanUs: 1_500_000);
        var failing = ReportWorkloads.WithFailures(Path.Combine(Root, "workload-fail"), spanUs: 1_000_000);
        await ReplayRunner.RunAsync(_system, new ReplayRequest
        {
            WorkloadPath = WorkloadWithExpectations, Backend = new NullBackend(), ResultsDir = RunA, Mode = ReplayMode.Realistic,
            Target = "null://a", Node = "node-a",
        });
        await ReplayRunner.RunAsync(_system, new ReplayRequest
        {
            WorkloadPath = WorkloadWithExpectations, Backend = new NullBackend(TimeSpan.FromMilliseconds(15)), ResultsDir = RunB,
            Mode = ReplayMode.Realistic, Target = "null://b",
        });
        await ReplayRunner.RunAsync(_system, new ReplayRequest
        {
            WorkloadPath = failing, Backend = new LocalBackend(Path.Combine(Root, "target"), null), ResultsDir = RunC,
            Target = "file://" + Path.Combine(Root, "target"),
        });
    }

    public async Task DisposeAsync()
    {
        if (_system != null) await _system.Terminate();
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
