using System.Diagnostics;
using System.Globalization;
using SMBench.Compiler;
using SMBench.Compiler.Capture;
using SMBench.Compiler.Mapping;
using SMBench.Compiler.Smb;
using SMBench.Compiler.Tcp;
using SMBench.Core.Ir;

namespace SMBench.Bench.Compiler;

/// <summary>
/// Random-mutation fuzzing of the capture path below the writer: TCP reassembly, SMB framing with resync, SMB2
/// decoding and mapping. Seeds are the TCP segments of real captures; each input is a run of consecutive
/// segments with bytes flipped, payloads cut, segments duplicated, swapped, dropped and sequence numbers moved.
/// Any exception that escapes the decoder is a bug (malformed input must be counted, never thrown).
/// Args: [inputs, default 100000] [seed, default 1] [capture files or directories…] (default: the shared corpus).
/// </summary>
public sealed class CompileFuzzHarness : IBenchHarness
{
    public string Name => "compile-fuzz";

    public string Description => "random-mutation fuzzing of reassembly, framing and SMB2 decoding (no escaping exceptions)";

    public Task<int> RunAsync(string[] args)
    {
        var inputs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var sources = args.Length > 2 ? args[2..] : [DefaultCorpus()];
        var segments = LoadSegments(sources);
        if (segments.Count == 0)
        {
            Console.Error.WriteLine("no TCP segments found in " + string.Join(", ", sources));
            return Task.FromResult(2);
        }
        Console.WriteLine($"{segments.Count} seed segments; {inputs} inputs; seed {seed}");

        var random = new Random(seed);
        var failures = new Dictionary<string, int>();
        var sw = Stopwatch.StartNew();
        var workDir = Directory.CreateTempSubdirectory("smbench-fuzz-").FullName;
        long segmentsFed = 0;
        try
        {
            for (var batch = 0; batch * 1000 < inputs; batch++)
            {
                using var writer = new WorkloadWriter(workDir);
                var session = new CompileSession(new CompileOptions { InputPath = "fuzz", OutputDirectory = workDir, Payload = PayloadMode.Synthetic }, writer, null);
                for (var i = batch * 1000; i < Math.Min(inputs, (batch + 1) * 1000); i++)
                {
                    var table = new TcpConnectionTable((_, _, id) => new TcpConnectionTable.Setup(new SmbConnectionDecoder(id, session), 4096),
                        new ReassemblyLimits { MaxBufferedBytes = 256 * 1024, MaxBufferedSegments = 64 }, maxLiveConnections: 8);
                    try
                    {
                        foreach (var s in Mutate(segments, random))
                        {
                            table.OnSegment(s);
                            segmentsFed++;
                        }
                        table.CloseAll(0);
                        session.Sequencer.Drain();
                    }
                    catch (Exception e)
                    {
                        var key = e.GetType().Name + ": " + e.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
                        failures[key] = failures.GetValueOrDefault(key) + 1;
                        if (failures[key] == 1) Console.Error.WriteLine($"input {i}: {e}");
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(workDir, true);
        }
        sw.Stop();
        Console.WriteLine($"{inputs} inputs, {segmentsFed} segments in {sw.Elapsed.TotalSeconds:F1} s ({inputs / sw.Elapsed.TotalSeconds:F0} inputs/s); escaping exceptions: {failures.Values.Sum()}");
        foreach (var (k, n) in failures) Console.WriteLine($"  {n} × {k}");
        return Task.FromResult(failures.Count == 0 ? 0 : 1);
    }

    private static IEnumerable<TcpSegment> Mutate(List<TcpSegment> seeds, Random random)
    {
        var start = random.Next(seeds.Count);
        var count = Math.Min(random.Next(1, 40), seeds.Count - start);
        var run = seeds.GetRange(start, count);
        for (var i = 0; i < run.Count; i++)
        {
            var s = run[i];
            switch (random.Next(10))
            {
                case 0: // drop
                    continue;
                case 1: // duplicate
                    yield return s;
                    break;
                case 2 when i + 1 < run.Count: // swap with the next
                    (run[i], run[i + 1]) = (run[i + 1], run[i]);
                    s = run[i];
                    break;
                case 3: // move the sequence number
                    s = s with { Sequence = unchecked(s.Sequence + (uint)random.Next(-70_000, 70_000)) };
                    break;
            }
            var payload = s.Payload.ToArray();
            if (payload.Length > 0 && random.Next(3) == 0)
            {
                for (var f = random.Next(1, 9); f > 0; f--) payload[random.Next(payload.Length)] = (byte)random.Next(256);
            }
            if (payload.Length > 0 && random.Next(8) == 0) payload = payload[..random.Next(payload.Length)];
            if (random.Next(20) == 0)
            {
                // Plant a plausible frame header with a random length: exercises resync and size limits.
                var plant = new byte[] { 0, (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 0xFE, (byte)'S', (byte)'M', (byte)'B' };
                payload = [.. plant, .. payload];
            }
            yield return s with { Payload = payload, MissingBytes = random.Next(30) == 0 ? random.Next(1, 5000) : 0 };
        }
    }

    private static List<TcpSegment> LoadSegments(IEnumerable<string> sources)
    {
        var files = sources.SelectMany(s => Directory.Exists(s) ? Directory.GetFiles(s) : File.Exists(s) ? [s] : []);
        var segments = new List<TcpSegment>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            try
            {
                using var reader = new PcapFrameReader(file);
                while (reader.TryRead(out var frame) && segments.Count < 50_000)
                {
                    if (TcpSegmentExtractor.TryExtract(frame, out var s) != FrameSkipReason.None) continue;
                    segments.Add(s with { Payload = s.Payload.ToArray() });
                }
            }
            catch (CaptureFormatException)
            {
                // Not a capture (or unreadable): only seeds from real captures are wanted.
            }
        }
        return segments;
    }

    private static string DefaultCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpus", "pcap");
            if (File.Exists(Path.Combine(dir.FullName, "SMBench.sln")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return Environment.GetEnvironmentVariable("SMBENCH_SHARED_DIR") is { Length: > 0 } shared ? Path.Combine(shared, "corpus", "pcap") : "corpus-not-found";
    }
}
