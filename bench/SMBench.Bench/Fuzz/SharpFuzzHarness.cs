namespace SMBench.Bench.Fuzz;

/// <summary>
/// The same targets as <see cref="FuzzHarness"/> as SharpFuzz entry points, for coverage-guided fuzzing where
/// libFuzzer or AFL are installed: instrument the SMBench assemblies with the <c>sharpfuzz</c> tool, then run
/// <c>libfuzzer-dotnet --target_path=… --target_arg="fuzz-sharpfuzz libfuzzer ir-json" corpus/</c> or
/// <c>afl-fuzz -i seeds -o out -- dotnet SMBench.Bench.dll fuzz-sharpfuzz afl ir-json</c>. Documented errors are
/// swallowed; anything else propagates and is what the fuzzer reports. <c>seeds DIR</c> writes a target's seeds
/// as files for the fuzzer's initial corpus.
/// Args: libfuzzer|afl|seeds &lt;target&gt; [DIR].
/// </summary>
public sealed class SharpFuzzHarness : IBenchHarness
{
    public string Name => "fuzz-sharpfuzz";

    public string Description => "SharpFuzz (libFuzzer/AFL) entry points for the fuzz targets; 'seeds' exports an initial corpus";

    public Task<int> RunAsync(string[] args)
    {
        var all = FuzzTargets.All();
        var target = args.Length < 2 ? null : all.FirstOrDefault(t => t.Name == args[1]);
        // Only the chosen target runs; the fuzzer ends this process, so the others are released now.
        foreach (var other in all.Where(t => t != target)) (other as IDisposable)?.Dispose();
        if (target == null)
        {
            Console.Error.WriteLine("usage: fuzz-sharpfuzz libfuzzer|afl|seeds <target> [DIR]; targets: " + string.Join(", ", FuzzTargets.All().Select(t => t.Name)));
            return Task.FromResult(2);
        }
        switch (args[0])
        {
            case "libfuzzer":
                SharpFuzz.Fuzzer.LibFuzzer.Run(span => Guarded(target, span.ToArray()));
                return Task.FromResult(0);
            case "afl":
                SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
                {
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    Guarded(target, buffer.ToArray());
                });
                return Task.FromResult(0);
            case "seeds":
                var dir = args.Length > 2 ? args[2] : Path.Combine(Directory.GetCurrentDirectory(), target.Name + "-seeds");
                Directory.CreateDirectory(dir);
                var seeds = target.LoadSeeds();
                for (var i = 0; i < seeds.Count; i++) File.WriteAllBytes(Path.Combine(dir, $"seed-{i:D4}"), seeds[i]);
                Console.WriteLine($"{seeds.Count} seeds in {dir}");
                (target as IDisposable)?.Dispose();
                return Task.FromResult(0);
            default:
                Console.Error.WriteLine($"unknown mode '{args[0]}'");
                return Task.FromResult(2);
        }
    }

    private static void Guarded(IFuzzTarget target, byte[] input)
    {
        try
        {
            target.Execute(input);
        }
        catch (Exception e) when (target.IsDocumented(e))
        {
            // Malformed input reported the documented way: not a finding.
        }
    }
}
