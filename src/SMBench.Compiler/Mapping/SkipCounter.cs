namespace SMBench.Compiler.Mapping;

/// <summary>Counts what could not become IR, by reason, so nothing is dropped silently.</summary>
public sealed class SkipCounter
{
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string reason, long count = 1)
    {
        _counts.TryGetValue(reason, out var n);
        _counts[reason] = n + count;
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();
}
