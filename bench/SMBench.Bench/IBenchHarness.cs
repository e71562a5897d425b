namespace SMBench.Bench;

/// <summary>
/// One console benchmark: `dotnet run -c Release --project bench/SMBench.Bench -- NAME [args]` runs it and it
/// prints a table. Harnesses are found by reflection so each lives in its own file.
/// </summary>
public interface IBenchHarness
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args);
}
