using Akka.TestKit.Xunit2;
using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Local;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Streams.Runs;
using Xunit;

namespace SMBench.Streams.Tests.Runs;

/// <summary>--loop and --duration: passes shifted one after another, unique op ids, fresh handles per pass.</summary>
public sealed class ReplayLoopTests : TestKit
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-loop-").FullName;

    [Fact]
    public async Task Three_loops_give_three_records_per_op_with_the_pass_on_the_id()
    {
        var workload = WorkloadFactory.Cycles(Path.Combine(_tmp, "w"), clients: 5, cyclesPerClient: 4, spanUs: 50_000);
        var request = new ReplayRequest
        {
            WorkloadPath = workload, Backend = new NullBackend(), ResultsDir = Path.Combine(_tmp, "r"), TimeScale = 0.5,
            Loop = new ReplayLoop(3),
        };
        var finished = await ReplayRunner.RunAsync(Sys, request);

        Assert.Equal("completed", finished.Summary.State);
        Assert.Equal(240, finished.Summary.OpsTotal);
        Assert.Equal(240, finished.Summary.OpsOk);
        var records = ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToList();
        Assert.Equal(240, records.Count);
        var ids = records.Select(r => r.GetProperty("op_id").GetString()!).ToList();
        Assert.Equal(240, ids.Distinct().Count());
        var original = WorkloadReader.Open(workload).ReadOperations().Select(o => o.OpId).ToHashSet();
        foreach (var pass in new[] { 1, 2, 3 })
            Assert.Equal(original, ids.Where(i => i.EndsWith($"#{pass}", StringComparison.Ordinal)).Select(i => i[..i.IndexOf('#')]).ToHashSet());
        // Each pass starts after the previous one's span: pass 2's earliest due is after pass 1's latest.
        long Due(int pass, Func<IEnumerable<long>, long> pick) => pick(records
            .Where(r => r.GetProperty("op_id").GetString()!.EndsWith($"#{pass}", StringComparison.Ordinal))
            .Select(r => r.GetProperty("due_us").GetInt64()));
        Assert.True(Due(2, Enumerable.Min) > Due(1, Enumerable.Max));
        Assert.True(Due(3, Enumerable.Min) > Due(2, Enumerable.Max));
    }

    [Fact]
    public async Task Each_pass_reopens_its_handles_and_handles_left_open_are_closed_at_the_pass_end()
    {
        var dir = Path.Combine(_tmp, "w");
        using (var w = new WorkloadWriter(dir))
        {
            w.Write(new OpenOp { OpId = "1", ClientId = "c", TimestampUs = 0, Path = "a.txt", Mode = OpenMode.Write, Handle = "h1" });
            w.Write(new WriteOp { OpId = "2", ClientId = "c", TimestampUs = 10, Handle = "h1", Offset = 0, Length = 64 });
            w.Write(new CloseOp { OpId = "3", ClientId = "c", TimestampUs = 20, Handle = "h1" });
            // opened and never closed, as in a capture that stopped first
            w.Write(new OpenOp { OpId = "4", ClientId = "c", TimestampUs = 30, Path = "b.txt", Mode = OpenMode.Write, Handle = "h2" });
            w.Write(new WriteOp { OpId = "5", ClientId = "c", TimestampUs = 40, Handle = "h2", Offset = 0, Length = 32 });
            w.Complete();
        }
        var request = new ReplayRequest
        {
            WorkloadPath = dir, Backend = new LocalBackend(Path.Combine(_tmp, "t"), null), ResultsDir = Path.Combine(_tmp, "r"),
            TimeScale = 0, Loop = new ReplayLoop(2),
        };
        var finished = await ReplayRunner.RunAsync(Sys, request);

        var byId = ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToDictionary(r => r.GetProperty("op_id").GetString()!);
        Assert.Equal(12, byId.Count);
        Assert.Equal(12, finished.Summary.OpsTotal);
        Assert.All(byId.Values, r => Assert.Equal(StatusText.Success, r.GetProperty("status").GetString()));
        Assert.Equal("close", byId["4#1.close"].GetProperty("type").GetString());
        Assert.Equal("close", byId["4#2.close"].GetProperty("type").GetString());
        Assert.Equal(64, new FileInfo(Path.Combine(_tmp, "t", "a.txt")).Length);
        // Progress totals count the pass-end closes too.
        var report = new SMBench.Core.Ir.Validation.WorkloadValidator().Validate(dir);
        Assert.Equal(1, report.HandlesLeftOpen);
        Assert.Equal(12, report.OpsIssued(2));
        Assert.Equal(5, report.OpsIssued(1));
    }

    [Fact]
    public async Task A_duration_keeps_looping_until_it_has_passed_and_every_released_op_is_recorded()
    {
        var workload = WorkloadFactory.Cycles(Path.Combine(_tmp, "w"), clients: 3, cyclesPerClient: 2, spanUs: 100_000);
        var request = new ReplayRequest
        {
            WorkloadPath = workload, Backend = new NullBackend(), ResultsDir = Path.Combine(_tmp, "r"),
            Loop = new ReplayLoop(Duration: TimeSpan.FromMilliseconds(450)),
        };
        var finished = await ReplayRunner.RunAsync(Sys, request);

        var records = ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToList();
        Assert.Equal("completed", finished.Summary.State);
        Assert.Equal(records.Count, finished.Summary.OpsTotal);
        Assert.Equal(records.Count, records.Select(r => r.GetProperty("op_id").GetString()).Distinct().Count());
        Assert.All(records, r => Assert.True(r.GetProperty("due_us").GetInt64() < 450_000));
        // 100 ms passes (plus the 1 ms gap) in 450 ms of timeline: passes 1 to 5, the fifth cut short.
        var passes = records.Select(r => r.GetProperty("op_id").GetString()!.Split('#')[1].Split('.')[0]).Distinct().Order().ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], passes);
        Assert.Equal(24 * 4, records.Count(r => !r.GetProperty("op_id").GetString()!.EndsWith("#5", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task At_time_scale_0_a_duration_is_wall_clock_and_the_run_still_ends()
    {
        var workload = WorkloadFactory.Cycles(Path.Combine(_tmp, "w"), clients: 3, cyclesPerClient: 2, spanUs: 100_000);
        var request = new ReplayRequest
        {
            WorkloadPath = workload, Backend = new NullBackend(), ResultsDir = Path.Combine(_tmp, "r"), TimeScale = 0,
            Loop = new ReplayLoop(Duration: TimeSpan.FromMilliseconds(300)),
        };
        var finished = await ReplayRunner.RunAsync(Sys, request);

        var records = ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToList();
        Assert.Equal("completed", finished.Summary.State);
        Assert.Equal(records.Count, finished.Summary.OpsTotal);
        Assert.Equal(records.Count, records.Select(r => r.GetProperty("op_id").GetString()).Distinct().Count());
        Assert.Contains(records, r => r.GetProperty("op_id").GetString()!.EndsWith("#2", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_looping_ids_and_due_times_are_the_workload_s()
    {
        IrOperation[] ops =
        [
            new OpenOp { OpId = "1", ClientId = "c", TimestampUs = 100, Path = "a", Mode = OpenMode.Read, Handle = "h" },
            new CloseOp { OpId = "2", ClientId = "c", TimestampUs = 300, Handle = "h" },
        ];
        var once = ReplayPasses.Schedule(() => ops, 2.0, ReplayLoop.Once, 300, () => 0).ToList();
        Assert.Equal(["1", "2"], once.Select(s => s.Op.OpId));
        Assert.Equal([200L, 600L], once.Select(s => s.DueUs));

        var twice = ReplayPasses.Schedule(() => ops, 2.0, new ReplayLoop(2), 300, () => 0).ToList();
        Assert.Equal(["1#1", "2#1", "1#2", "2#2"], twice.Select(s => s.Op.OpId));
        Assert.Equal(["h#1", "h#1", "h#2", "h#2"], twice.Select(s => s.Op.HandleRef));
        var stride = 300 + ReplayPasses.PassGapUs;
        Assert.Equal([200L, 600L, (stride + 100) * 2, (stride + 300) * 2], twice.Select(s => s.DueUs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
