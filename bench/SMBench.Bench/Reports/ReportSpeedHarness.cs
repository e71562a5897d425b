using System.Diagnostics;
using SMBench.Core.Results;
using SMBench.Daemon.Reports;

namespace SMBench.Bench.Reports;

/// <summary>
/// Report generation speed on a generated results journal (default 1,000,000 records, 1,000 clients, 8 op types,
/// 10 minutes of run time, ~1 % failures, a fifth of the ops with expected statuses): records/s of the journal pass
/// alone and of the whole report (pass + charts + HTML), with allocation and peak working set.
/// Usage: report-speed [records] [repeats]
/// </summary>
public sealed class ReportSpeedHarness : IBenchHarness
{
    public string Name => "report-speed";
    public string Description => "records/s of smbench report on a generated N-record ops.jsonl (goal >= 1M records/s)";

    private static readonly string[] Types = ["open", "read", "write", "close", "stat", "list", "rename", "delete"];

    public Task<int> RunAsync(string[] args)
    {
        var records = args.Length > 0 ? long.Parse(args[0]) : 1_000_000;
        var repeats = args.Length > 1 ? int.Parse(args[1]) : 3;
        var dir = Path.Combine(Path.GetTempPath(), $"smbench-bench-report-{records}");
        if (!File.Exists(Path.Combine(dir, ResultsJournal.FileName))) Generate(dir, records);
        var size = new FileInfo(Path.Combine(dir, ResultsJournal.FileName)).Length;
        Console.WriteLine($"journal: {records:N0} records, {size / 1e6:0.0} MB ({dir})");
        // Wall time swings with other load on the machine; process CPU time (all threads, GC and JIT included) is the
        // steadier figure, so both are printed.
        Console.WriteLine($"{"run",-4} {"pass s",8} {"pass rec/s",12} {"report s",9} {"report rec/s",13} {"cpu s",7} {"rec/cpu-s",11} {"alloc MB",9} {"peak WS MB",11} {"html KB",8}");
        for (var i = 1; i <= repeats; i++)
        {
            GC.Collect();
            var alloc0 = GC.GetTotalAllocatedBytes(true);
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var report = RunReport.Load(dir);
            var pass = watch.Elapsed.TotalSeconds;
            var html = ReportRenderer.Render(report);
            var total = watch.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            var alloc = (GC.GetTotalAllocatedBytes(true) - alloc0) / 1e6;
            Process.GetCurrentProcess().Refresh();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            Console.WriteLine($"{i,-4} {pass,8:0.000} {report.Data.Ops / pass,12:N0} {total,9:0.000} {report.Data.Ops / total,13:N0} {cpu,7:0.000} {report.Data.Ops / cpu,11:N0} {alloc,9:0.0} {peak,11:0} {html.Length / 1024,8:N0}");
        }
        return Task.FromResult(0);
    }

    private static void Generate(string dir, long records)
    {
        var random = new Random(42);
        const long spanUs = 600_000_000;
        using var journal = new ResultsJournal(dir);
        var summary = new SummaryBuilder();
        for (long i = 0; i < records; i++)
        {
            var type = Types[random.Next(Types.Length)];
            var due = spanUs * i / records;
            var issued = due + random.Next(50, 2_000);
            var latency = (long)(200 * Math.Exp(random.NextDouble() * 6));
            var expected = i % 5 == 0 ? StatusText.Success : null;
            var failed = random.Next(100) == 0;
            var result = new OpResult
            {
                OpId = $"op_{i:0000000}", ClientId = $"client_{i % 1000:0000}", Type = type, DueUs = due, IssuedUs = issued,
                CompletedUs = issued + latency, Status = failed ? "STATUS_OBJECT_NAME_NOT_FOUND" : StatusText.Success,
                Bytes = type is "read" or "write" ? 65536 : 0, ExpectedStatus = expected,
                Path = type == "open" || failed ? $"share/dir{i % 97}/file{i % 1013}.dat" : null,
                Error = failed ? "no such file" : null,
            };
            journal.Append(result);
            summary.Add(result);
            if (i % 10_000 == 9_999) journal.Flush();
        }
        File.WriteAllText(Path.Combine(dir, "summary.json"), summary.Build(new RunSummary { RunId = "bench", Mode = "mvp", Backend = "null" }).ToJson());
    }
}
