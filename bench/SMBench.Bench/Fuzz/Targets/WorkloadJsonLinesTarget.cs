using SMBench.Core.Ir;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>workload.jsonl (header line + one op per line) through the reader and the validator.</summary>
public sealed class WorkloadJsonLinesTarget : IFuzzTarget, IDisposable
{
    private readonly FuzzScratch _scratch = new("irl");

    public string Name => "ir-jsonl";

    public string DocumentedErrors => nameof(WorkloadException);

    public IReadOnlyList<byte[]> LoadSeeds() => WorkloadSeeds.JsonLines(_scratch.Dir);

    public byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random) =>
        random.Next(4) == 0 ? ByteMutator.Mutate(seed, seeds, random) : JsonMutator.MutateLines(seed, seeds, random);

    public void Execute(byte[] input) => WorkloadTargets.Run(_scratch.Dir, WorkloadReader.JsonLinesFileName, input);

    public bool IsDocumented(Exception e) => e is WorkloadException;

    public void Dispose() => _scratch.Dispose();
}
