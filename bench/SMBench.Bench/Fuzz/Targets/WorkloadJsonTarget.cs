using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// workload.json through the streaming reader, the fast and the DOM operation parsers and the validator (which is
/// what <c>smbench validate</c> and every replay run first). Documented error: <see cref="WorkloadException"/>,
/// which the validator reports as a validation error.
/// </summary>
public sealed class WorkloadJsonTarget : IFuzzTarget, IDisposable
{
    private readonly FuzzScratch _scratch = new("ir");

    public string Name => "ir-json";

    public string DocumentedErrors => nameof(WorkloadException);

    public IReadOnlyList<byte[]> LoadSeeds() => WorkloadSeeds.Json(_scratch.Dir);

    public byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random) =>
        random.Next(4) == 0 ? ByteMutator.Mutate(seed, seeds, random) : JsonMutator.MutateDocument(seed, seeds, random);

    public void Execute(byte[] input) => WorkloadTargets.Run(_scratch.Dir, WorkloadReader.JsonFileName, input);

    public bool IsDocumented(Exception e) => e is WorkloadException;

    public void Dispose() => _scratch.Dispose();
}
