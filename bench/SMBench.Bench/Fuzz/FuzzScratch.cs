namespace SMBench.Bench.Fuzz;

/// <summary>
/// A target's scratch directory, created on first use (only the targets that run make one) and removed on dispose.
/// </summary>
public sealed class FuzzScratch(string name) : IDisposable
{
    private string? _dir;

    public string Dir => _dir ??= Directory.CreateTempSubdirectory($"smbench-fuzz-{name}-").FullName;

    public void Dispose()
    {
        if (_dir != null && Directory.Exists(_dir)) Directory.Delete(_dir, true);
        _dir = null;
    }
}
