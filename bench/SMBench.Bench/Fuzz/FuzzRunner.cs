using System.Diagnostics;
using System.Security.Cryptography;

namespace SMBench.Bench.Fuzz;

/// <summary>
/// Runs one target over N mutated inputs with a deterministic <see cref="Random"/>. A crasher is an exception of a
/// type the target does not document, an input that runs longer than <see cref="HangAfter"/> (the process exits:
/// a hung parser cannot be interrupted safely) or one that allocates more than <see cref="MaxAllocation"/>
/// (attacker-controlled lengths). Each distinct crasher is saved as <c>&lt;dir&gt;/&lt;target&gt;/&lt;sha&gt;.bin</c> so
/// it can become a regression test.
/// </summary>
public sealed class FuzzRunner
{
    public TimeSpan HangAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Per input; the workload reader legitimately allocates a few buffers of the file size.</summary>
    public long MaxAllocation { get; init; } = 256L * 1024 * 1024;

    public string CrasherDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "smbench-fuzz-crashers");

    public FuzzResult Run(IFuzzTarget target, int inputs, int seed)
    {
        var seeds = target.LoadSeeds();
        if (seeds.Count == 0) throw new InvalidOperationException($"{target.Name}: no seeds");
        var random = new Random(seed);
        var crashers = new Dictionary<string, int>(StringComparer.Ordinal);
        long documented = 0, largest = 0;
        var current = Array.Empty<byte>();
        var started = Stopwatch.GetTimestamp();
        long inputStarted = 0;
        using var watchdog = new Timer(_ =>
        {
            var since = Volatile.Read(ref inputStarted);
            if (since == 0 || Stopwatch.GetElapsedTime(since) < HangAfter) return;
            var file = Save(target.Name, "hang", Volatile.Read(ref current));
            Console.Error.WriteLine($"{target.Name}: input ran longer than {HangAfter.TotalSeconds} s (saved {file}); stopping");
            Environment.Exit(3);
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        for (var i = 0; i < inputs; i++)
        {
            // Every tenth input is a seed as is, so the valid path keeps being exercised between mutants.
            var input = i % 10 == 0 ? seeds[i / 10 % seeds.Count] : target.Mutate(seeds[random.Next(seeds.Count)], seeds, random);
            Volatile.Write(ref current, input);
            var before = GC.GetAllocatedBytesForCurrentThread();
            Volatile.Write(ref inputStarted, Stopwatch.GetTimestamp());
            string? finding = null;
            try
            {
                target.Execute(input);
            }
            catch (Exception e) when (target.IsDocumented(e))
            {
                documented++;
            }
#pragma warning disable CA1031 // anything undocumented is precisely what the fuzzer looks for
            catch (Exception e)
#pragma warning restore CA1031
            {
                finding = $"{e.GetType().Name} at {FirstFrame(e)}";
                if (!crashers.ContainsKey(finding)) Console.Error.WriteLine($"{target.Name} input {i}: {e}");
            }
            Volatile.Write(ref inputStarted, 0);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            largest = Math.Max(largest, allocated);
            if (finding == null && allocated > MaxAllocation) finding = $"allocation of {allocated / (1024 * 1024)} MiB for a {input.Length}-byte input";
            if (finding == null) continue;
            if (!crashers.TryGetValue(finding, out var seen))
                Console.Error.WriteLine($"{target.Name} input {i}: {finding} (saved {Save(target.Name, "crash", input)})");
            crashers[finding] = seen + 1;
        }
        return new FuzzResult(target.Name, inputs, seeds.Count, Stopwatch.GetElapsedTime(started), documented, crashers, largest);
    }

    private static string FirstFrame(Exception e)
    {
        var frames = new StackTrace(e, false).GetFrames();
        var ours = frames.FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("SMBench", StringComparison.Ordinal) == true);
        var m = (ours ?? frames.FirstOrDefault())?.GetMethod();
        return m == null ? "?" : $"{m.DeclaringType?.Name}.{m.Name}";
    }

    private string Save(string target, string kind, byte[] input)
    {
        var dir = Path.Combine(CrasherDirectory, target);
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{kind}-{Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant()}.bin");
        File.WriteAllBytes(file, input);
        return file;
    }
}
