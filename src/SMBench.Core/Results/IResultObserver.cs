namespace SMBench.Core.Results;

/// <summary>
/// Sees every batch of op results right after it was journaled (metrics, live feeds). Called from the results
/// sink: keep it quick and never throw.
/// </summary>
public interface IResultObserver
{
    void OnResults(IReadOnlyList<OpResult> batch);
}
