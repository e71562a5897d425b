using System.Globalization;

namespace SMBench.Bench.Fuzz;

/// <summary>
/// In-process mutation fuzzing of the parsers that read untrusted input: the IR reader and validator, the
/// credentials YAML, capture files, SMB2 codecs (what a hostile server sends) and NTLM/SPNEGO tokens.
/// Args: &lt;target|all&gt; [inputs, default 100000] [seed, default 1] [--crashers DIR], or
/// &lt;target&gt; --replay FILE… to run saved inputs once and print what each throws.
/// Exit code 1 when any target had crashers.
/// </summary>
public sealed class FuzzHarness : IBenchHarness
{
    public string Name => "fuzz";

    public string Description => "mutation fuzzing of IR, credentials, capture, SMB2 codec and NTLM/SPNEGO parsers (" +
        string.Join(", ", FuzzTargets.All().Select(t => t.Name)) + ")";

    public Task<int> RunAsync(string[] args)
    {
        var positional = new List<string>();
        var runner = new FuzzRunner();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--crashers" && i + 1 < args.Length) runner = new FuzzRunner { CrasherDirectory = args[++i] };
            else positional.Add(args[i]);
        }
        if (positional.Count == 0)
        {
            Console.Error.WriteLine("usage: fuzz <target|all> [inputs] [seed] [--crashers DIR]; targets: " + string.Join(", ", FuzzTargets.All().Select(t => t.Name)));
            return Task.FromResult(2);
        }
        var all = FuzzTargets.All();
        try
        {
            return Task.FromResult(Run(runner, positional, all, args));
        }
        finally
        {
            foreach (var target in all) (target as IDisposable)?.Dispose();
        }
    }

    private static int Run(FuzzRunner runner, List<string> positional, IReadOnlyList<IFuzzTarget> all, string[] args)
    {
        var targets = positional[0] == "all" ? all : all.Where(t => t.Name == positional[0]).ToList();
        if (targets.Count == 0)
        {
            Console.Error.WriteLine($"unknown target '{positional[0]}'");
            return 2;
        }
        var replay = Array.IndexOf(args, "--replay");
        if (replay >= 0) return Replay(targets[0], args[(replay + 1)..]);
        var inputs = positional.Count > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 100_000;
        var seed = positional.Count > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 1;

        Console.WriteLine($"| target | seeds | inputs | time | inputs/s | documented errors | largest alloc | crashers |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|");
        var failed = false;
        foreach (var target in targets)
        {
            var r = runner.Run(target, inputs, seed);
            failed |= r.CrasherCount > 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Target} | {r.Seeds} | {r.Inputs:N0} | {r.Elapsed.TotalSeconds:F1} s | {r.Inputs / r.Elapsed.TotalSeconds:F0} | {r.DocumentedErrors:N0} | {r.LargestAllocation / 1024.0 / 1024:F1} MiB | {r.CrasherCount} |"));
            foreach (var (k, n) in r.Crashers) Console.WriteLine($"|   {n} × {k} |");
        }
        return failed ? 1 : 0;
    }

    private static int Replay(IFuzzTarget target, string[] files)
    {
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target.Execute(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: accepted");
            }
            catch (Exception e) when (target.IsDocumented(e))
            {
                Console.WriteLine($"{file}: rejected: {e.GetType().Name}: {e.Message}");
            }
#pragma warning disable CA1031 // reporting what escapes is the point
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"{file}: CRASH: {e}");
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
