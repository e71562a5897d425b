using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SMBench.Bench.Ir;
using SMBench.Compiler;

namespace SMBench.Bench.Compiler;

/// <summary>
/// Capture compile throughput (MB of pcap per second) and peak memory, side by side with tshark's SMB2 field
/// decode of the same file. Without a capture argument it makes one with scripts/make-sample-capture.sh (root,
/// smbd, smbclient, tcpdump needed).
/// Args: [capture.pcap --port P] | [--files N --size BYTES --rounds R]   (defaults 200 files × 64 KiB × 5 rounds)
/// </summary>
public sealed partial class CompileThroughputHarness : IBenchHarness
{
    public string Name => "compile-throughput";

    public string Description => "smbench compile MB/s and peak memory vs tshark -Y smb2 -T fields on the same capture";

    public async Task<int> RunAsync(string[] args)
    {
        var capture = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : null;
        int? port = Option(args, "--port") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        if (capture == null)
        {
            capture = Path.Combine(Path.GetTempPath(), "smbench-bench-capture.pcap");
            port = MakeCapture(capture, Option(args, "--files") ?? "200", Option(args, "--size") ?? "65536", Option(args, "--rounds") ?? "5");
            if (port == null) return 3;
        }
        var sizeMb = new FileInfo(capture).Length / 1e6;
        Console.WriteLine($"capture: {capture} ({sizeMb:F1} MB)");
        Console.WriteLine($"{"run",-32} {"seconds",8} {"MB/s",8} {"ops",10} {"peak WS MiB",12} {"peak heap MiB",14}");

        // One untimed run warms the JIT and the page cache; then the median of three per payload mode.
        await CompileOnce(capture, PayloadMode.Synthetic);
        foreach (var payload in new[] { PayloadMode.Synthetic, PayloadMode.Keep })
        {
            var runs = new List<(double Seconds, CompileReport Report, long Ws, long Heap)>();
            for (var i = 0; i < 3; i++) runs.Add(await CompileOnce(capture, payload));
            var (seconds, report, ws, heap) = runs.OrderBy(r => r.Seconds).ElementAt(1);
            Console.WriteLine($"{"smbench compile --payload " + payload.ToString().ToLowerInvariant(),-32} {seconds,8:F2} {sizeMb / seconds,8:F1} {report.OpsTotal,10} {runs.Max(r => r.Ws) / 1048576.0,12:F0} {runs.Max(r => r.Heap) / 1048576.0,14:F0}");
        }

        if (port != null) RunTshark(capture, port.Value, sizeMb);
        else Console.WriteLine("tshark: skipped (pass --port P with a capture of your own)");
        return 0;
    }

    private static async Task<(double Seconds, CompileReport Report, long Ws, long Heap)> CompileOnce(string capture, PayloadMode payload)
    {
        var output = Directory.CreateTempSubdirectory("smbench-bench-compile-").FullName;
        try
        {
            GC.Collect();
            using var memory = new MemorySampler();
            var sw = Stopwatch.StartNew();
            var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = capture, OutputDirectory = output, Payload = payload });
            sw.Stop();
            memory.Sample();
            return (sw.Elapsed.TotalSeconds, report, memory.PeakWorkingSet, memory.PeakHeap);
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }

    private static void RunTshark(string capture, int port, double sizeMb)
    {
        var timeTool = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        var tsharkArgs = $"-r {capture} -d tcp.port=={port},nbss -Y smb2 -T fields -e smb2.cmd -e smb2.msg_id -e smb2.nt_status";
        var psi = timeTool != null
            ? new ProcessStartInfo(timeTool, $"-f \"maxrss_kb=%M\" tshark {tsharkArgs}")
            : new ProcessStartInfo("tshark", tsharkArgs);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        long lines = 0;
        var errors = process.StandardError.ReadToEndAsync();
        while (process.StandardOutput.ReadLine() != null) lines++;
        process.WaitForExit();
        sw.Stop();
        var rss = MaxRss().Match(errors.Result) is { Success: true } m ? $"{long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0:F0}" : "?";
        Console.WriteLine($"{"tshark -Y smb2 -T fields",-32} {sw.Elapsed.TotalSeconds,8:F2} {sizeMb / sw.Elapsed.TotalSeconds,8:F1} {lines,10} {rss,12} {"-",14}");
    }

    private static int? MakeCapture(string file, string files, string size, string rounds)
    {
        var script = FindScript();
        if (script == null)
        {
            Console.Error.WriteLine("scripts/make-sample-capture.sh not found; pass a capture file");
            return null;
        }
        var psi = new ProcessStartInfo("bash", $"{script} {file} --files {files} --size {size} --rounds {rounds}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"making the capture failed ({process.ExitCode}): {stderr}");
            return null;
        }
        return ServerPort().Match(stdout) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "make-sample-capture.sh");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    [GeneratedRegex(@"server port (\d+)")]
    private static partial Regex ServerPort();

    [GeneratedRegex(@"maxrss_kb=(\d+)")]
    private static partial Regex MaxRss();
}
