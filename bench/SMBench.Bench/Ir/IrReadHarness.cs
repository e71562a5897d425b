using System.Diagnostics;
using System.Globalization;
using SMBench.Core.Blobs;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;

namespace SMBench.Bench.Ir;

/// <summary>
/// Streams a large generated workload through <see cref="WorkloadReader.ReadOperations"/> in both forms and reports
/// ops/s, MB/s and how much the working set grew. Each read runs in a fresh child process so the generation phase
/// (and the other form) can't hide or inflate the reader's own memory.
/// </summary>
public sealed class IrReadHarness : IBenchHarness
{
    public string Name => "ir-read";
    public string Description => "IR reader/validator throughput and memory on a generated workload (--ops N --clients N --no-extensions --no-validate --keep --dir D)";

    public async Task<int> RunAsync(string[] args)
    {
        var child = Arg(args, "--child");
        if (child != null) return args.Contains("--validate") ? ValidateInThisProcess(child) : ReadInThisProcess(child);

        var ops = long.Parse(Arg(args, "--ops") ?? "1000000", CultureInfo.InvariantCulture);
        var clients = int.Parse(Arg(args, "--clients") ?? "100", CultureInfo.InvariantCulture);
        var root = Arg(args, "--dir") ?? Path.Combine(Path.GetTempPath(), $"smbench-ir-read-{Environment.ProcessId}");
        var keep = args.Contains("--keep");
        try
        {
            Console.WriteLine($"ir-read: {ops:N0} ops, {clients} clients, extensions on opens: {!args.Contains("--no-extensions")}, in {root}");
            Console.WriteLine($"{"phase",-12} {"form",-6} {"ops",12} {"seconds",8} {"ops/s",11} {"MB/s",7} {"file MB",8}");
            var files = new List<string>();
            foreach (var jsonLines in new[] { true, false })
            {
                var dir = Path.Combine(root, jsonLines ? "jsonl" : "json");
                var sw = Stopwatch.StartNew();
                string file;
                using (var writer = new WorkloadWriter(dir, jsonLines))
                {
                    var blob = new BlobStore(dir).Put(IrBenchWorkload.Payload);
                    foreach (var op in IrBenchWorkload.Generate(ops, clients, blob, !args.Contains("--no-extensions"))) writer.Write(op);
                    file = writer.Complete(new WorkloadMetadata { Source = "ir-read benchmark" });
                }
                Row("write", jsonLines, ops, sw.Elapsed.TotalSeconds, new FileInfo(file).Length);
                files.Add(file);
            }
            Console.WriteLine();
            Console.WriteLine($"{"phase",-12} {"form",-6} {"ops",12} {"seconds",8} {"ops/s",11} {"MB/s",7} {"file MB",8} " +
                              $"{"WS base MB",10} {"WS peak MB",10} {"WS grow MB",10} {"HWM grow MB",11} {"heap peak MB",12} {"alloc B/op",10}");
            foreach (var file in files)
            {
                var rc = await RunChildAsync(file, validate: false).ConfigureAwait(false);
                if (rc != 0) return rc;
            }
            if (!args.Contains("--no-validate"))
            {
                foreach (var file in files)
                {
                    var rc = await RunChildAsync(file, validate: true).ConfigureAwait(false);
                    if (rc != 0) return rc;
                }
            }
            return 0;
        }
        finally
        {
            if (!keep && Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The validator on the same file: it keeps per-op-id and per-handle state, so it is measured apart.</summary>
    private static int ValidateInThisProcess(string file)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        ValidationReport report;
        using var sampler = new MemorySampler();
        var sw = Stopwatch.StartNew();
        report = new WorkloadValidator().Validate(file);
        var seconds = sw.Elapsed.TotalSeconds;
        sampler.Dispose();
        if (!report.IsValid)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, report.Errors.Select(e => e.Message)));
            return 1;
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Row("validate", file.EndsWith(".jsonl", StringComparison.Ordinal), report.OpsTotal, seconds, new FileInfo(file).Length,
            Memory(sampler, MemorySampler.KernelPeakWorkingSet(), sampler.BaselineWorkingSet, allocated, report.OpsTotal));
        return 0;
    }

    private static string Memory(MemorySampler sampler, long kernelPeak, long kernelBefore, long allocated, long count)
    {
        const double MB = 1024 * 1024;
        return $" {sampler.BaselineWorkingSet / MB,10:F1} {sampler.PeakWorkingSet / MB,10:F1} " +
               $"{(sampler.PeakWorkingSet - sampler.BaselineWorkingSet) / MB,10:F1} " +
               $"{(kernelPeak - Math.Max(kernelBefore, sampler.BaselineWorkingSet)) / MB,11:F1} " +
               $"{sampler.PeakHeap / MB,12:F1} {allocated / (double)Math.Max(1, count),10:F0}";
    }

    private static int ReadInThisProcess(string file)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var kernelBefore = MemorySampler.KernelPeakWorkingSet();
        using var sampler = new MemorySampler();
        var sw = Stopwatch.StartNew();
        var reader = WorkloadReader.Open(file);
        long count = 0, checksum = 0;
        foreach (var op in reader.ReadOperations())
        {
            count++;
            checksum += op.TimestampUs + (op.Smb != null ? 1 : 0);
            if ((count & 0xFFFF) == 0) sampler.Sample();
        }
        var seconds = sw.Elapsed.TotalSeconds;
        sampler.Dispose();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var kernelPeak = MemorySampler.KernelPeakWorkingSet();
        Row("read", reader.IsJsonLines, count, seconds, new FileInfo(file).Length,
            Memory(sampler, kernelPeak, kernelBefore, allocated, count));
        // Keeps the loop from being optimised away and gives a cross-check between forms.
        Console.Error.WriteLine($"  ({(reader.IsJsonLines ? "jsonl" : "json")} checksum {checksum})");
        return 0;
    }

    private static void Row(string phase, bool jsonLines, long ops, double seconds, long bytes, string extra = "")
    {
        var mb = bytes / (1024.0 * 1024.0);
        Console.WriteLine($"{phase,-12} {(jsonLines ? "jsonl" : "json"),-6} {ops,12:N0} {seconds,8:F2} {ops / seconds,11:N0} " +
                          $"{mb / seconds,7:F1} {mb,8:F1}{extra}");
    }

    private static async Task<int> RunChildAsync(string file, bool validate)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate this executable");
        var psi = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(IrReadHarness).Assembly.Location);
        foreach (var a in new[] { "ir-read", "--child", file }) psi.ArgumentList.Add(a);
        if (validate) psi.ArgumentList.Add("--validate");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {self}");
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
