using Akka.TestKit.Xunit2;
using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Local;
using SMBench.Core.Blobs;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Streams.Runs;
using Xunit;

namespace SMBench.Streams.Tests.Runs;

public sealed class ReplayRunnerTests : TestKit, IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-replay-").FullName;

    [Fact]
    public async Task The_seed_example_replayed_on_local_produces_the_exact_files_and_bytes()
    {
        var target = Path.Combine(_tmp, "target");
        var reader = WorkloadReader.Open(WorkloadFactory.SeedExample);
        var request = new ReplayRequest
        {
            WorkloadPath = WorkloadFactory.SeedExample, Backend = new LocalBackend(target, new BlobStore(reader.Directory)),
            ResultsDir = Path.Combine(_tmp, "results"), TimeScale = 0.2,
        };
        var finished = await ReplayRunner.RunAsync(Sys, request);

        Assert.Null(finished.Error);
        Assert.Equal("completed", finished.Summary.State);
        Assert.Equal(13, finished.Summary.OpsTotal);
        Assert.Equal(0, finished.Summary.OpsFailed);
        var blob = reader.ReadOperations().OfType<WriteOp>().First(w => w.OpId == "op_000002").Blob!;
        Assert.Equal(File.ReadAllBytes(Path.Combine(reader.Directory, blob)), File.ReadAllBytes(Path.Combine(target, "docs", "report-final.txt")));
        Assert.False(File.Exists(Path.Combine(target, "docs", "report.txt")));
        Assert.Empty(Directory.GetFiles(Path.Combine(target, "notes")));
        var reads = ResultsJournal.ReadAll(Path.Combine(_tmp, "results", "ops.jsonl"))
            .Where(r => r.GetProperty("type").GetString() == "read").ToList();
        Assert.Equal(new long[] { 37, 23 }, reads.Select(r => r.GetProperty("bytes").GetInt64()).ToArray());
    }

    [Fact]
    public async Task Every_op_gets_one_record_and_none_is_issued_before_it_is_due()
    {
        var workload = WorkloadFactory.Cycles(Path.Combine(_tmp, "w"), clients: 20, cyclesPerClient: 10, spanUs: 400_000);
        var request = new ReplayRequest { WorkloadPath = workload, Backend = new NullBackend(), ResultsDir = Path.Combine(_tmp, "r") };
        var finished = await ReplayRunner.RunAsync(Sys, request);

        Assert.Equal(800, finished.Summary.OpsTotal);
        Assert.Equal(800, finished.Summary.OpsOk);
        Assert.Equal(20, finished.Summary.Clients);
        var records = ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToList();
        Assert.Equal(800, records.Select(r => r.GetProperty("op_id").GetString()).Distinct().Count());
        Assert.All(records, r => Assert.True(r.GetProperty("issued_us").GetInt64() >= r.GetProperty("due_us").GetInt64()));
        var summary = RunSummary.FromJson(File.ReadAllText(Path.Combine(_tmp, "r", "summary.json")));
        Assert.Equal(800, summary.OpsTotal);
        Assert.True(summary.LatenessMs.Max >= summary.LatenessMs.P50);
    }

    [Fact]
    public async Task A_run_stopped_midway_has_exactly_one_record_per_issued_op()
    {
        var workload = WorkloadFactory.Cycles(Path.Combine(_tmp, "w"), clients: 10, cyclesPerClient: 50, spanUs: 10_000_000);
        var request = new ReplayRequest
        {
            WorkloadPath = workload, Backend = new NullBackend(TimeSpan.FromMilliseconds(2)), ResultsDir = Path.Combine(_tmp, "r"),
        };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var finished = await ReplayRunner.RunAsync(Sys, request, cancellationToken: cts.Token);

        var s = finished.Summary;
        Assert.Equal("stopped", s.State);
        Assert.InRange(s.OpsTotal, 1, 1999);
        var records = ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToList();
        Assert.Equal(s.OpsTotal, records.Count);
        Assert.Equal(records.Count, records.Select(r => r.GetProperty("op_id").GetString()).Distinct().Count());
        Assert.True(s.OpsTotal + s.OpsNotRun <= 2000);
    }

    [Fact]
    public async Task A_failed_open_makes_its_handle_ops_fail_fast_and_the_run_continues()
    {
        var dir = Path.Combine(_tmp, "w");
        using (var w = new WorkloadWriter(dir))
        {
            w.Write(new OpenOp { OpId = "1", ClientId = "c", TimestampUs = 0, Path = "missing.txt", Mode = OpenMode.Read, Handle = "h1" });
            w.Write(new ReadOp { OpId = "2", ClientId = "c", TimestampUs = 10, Handle = "h1", Offset = 0, Length = 4 });
            w.Write(new CloseOp { OpId = "3", ClientId = "c", TimestampUs = 20, Handle = "h1" });
            w.Write(new OpenOp { OpId = "4", ClientId = "c", TimestampUs = 30, Path = "new.txt", Mode = OpenMode.Write, Handle = "h2" });
            w.Write(new CloseOp { OpId = "5", ClientId = "c", TimestampUs = 40, Handle = "h2" });
            w.Complete();
        }
        var request = new ReplayRequest { WorkloadPath = dir, Backend = new LocalBackend(Path.Combine(_tmp, "t"), null), ResultsDir = Path.Combine(_tmp, "r") };
        var finished = await ReplayRunner.RunAsync(Sys, request);

        var byId = ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToDictionary(r => r.GetProperty("op_id").GetString()!);
        Assert.Equal("STATUS_OBJECT_NAME_NOT_FOUND", byId["1"].GetProperty("status").GetString());
        Assert.Equal(ReplayStatus.DependencyFailed, byId["2"].GetProperty("status").GetString());
        Assert.Contains("open of h1 failed", byId["2"].GetProperty("error").GetString());
        Assert.Equal(ReplayStatus.DependencyFailed, byId["3"].GetProperty("status").GetString());
        Assert.Equal(StatusText.Success, byId["4"].GetProperty("status").GetString());
        Assert.Equal(StatusText.Success, byId["5"].GetProperty("status").GetString());
        Assert.Equal(3, finished.Summary.OpsFailed);
    }

    [Fact]
    public async Task Asking_more_fidelity_than_the_backend_has_is_refused_before_anything_runs()
    {
        var request = new ReplayRequest
        {
            WorkloadPath = WorkloadFactory.SeedExample, Backend = new LocalBackend(Path.Combine(_tmp, "t"), null),
            ResultsDir = Path.Combine(_tmp, "r"), Mode = ReplayMode.Full,
        };
        var e = await Assert.ThrowsAsync<ReplayRefusedException>(() => ReplayRunner.RunAsync(Sys, request));
        Assert.Contains("cannot replay in full mode", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_tmp, "r")));
    }

    [Fact]
    public async Task An_invalid_workload_is_refused_with_file_and_line()
    {
        var dir = Path.Combine(_tmp, "bad");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "workload.jsonl"),
            "{\"version\":1}\n{\"op_id\":\"1\",\"client_id\":\"c\",\"timestamp_us\":0,\"type\":\"read\",\"handle_ref\":\"nope\",\"offset\":0,\"length\":1}\n");
        var request = new ReplayRequest { WorkloadPath = dir, Backend = new NullBackend(), ResultsDir = Path.Combine(_tmp, "r") };
        var e = await Assert.ThrowsAsync<ReplayRefusedException>(() => ReplayRunner.RunAsync(Sys, request));
        Assert.Contains("workload.jsonl:2: op 1:", e.Message);
        Assert.Contains("dangling", e.Message);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
