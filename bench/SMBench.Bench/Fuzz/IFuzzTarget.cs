namespace SMBench.Bench.Fuzz;

/// <summary>
/// One parser under fuzz. <see cref="Execute"/> feeds it one input; it may throw only the documented error types
/// (<see cref="IsDocumented"/>), anything else is a crasher. The same entry point serves the in-process mutation
/// fuzzer and SharpFuzz (<see cref="SharpFuzzHarness"/>), so a coverage-guided run needs no extra glue.
/// </summary>
public interface IFuzzTarget
{
    string Name { get; }

    /// <summary>What a hostile input may cause, for the report (e.g. "WorkloadException").</summary>
    string DocumentedErrors { get; }

    /// <summary>Valid inputs to mutate from; deterministic for a given corpus.</summary>
    IReadOnlyList<byte[]> LoadSeeds();

    /// <summary>A mutated input: structured where the target knows its format, byte-level otherwise.</summary>
    byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random);

    void Execute(byte[] input);

    bool IsDocumented(Exception e);
}
