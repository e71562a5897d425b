namespace SMBench.Bench.Fuzz;

/// <summary>What one fuzz run of one target found.</summary>
public sealed record FuzzResult(string Target, int Inputs, int Seeds, TimeSpan Elapsed, long DocumentedErrors,
    IReadOnlyDictionary<string, int> Crashers, long LargestAllocation)
{
    public int CrasherCount => Crashers.Values.Sum();
}
