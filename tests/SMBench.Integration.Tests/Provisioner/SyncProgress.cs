namespace SMBench.Integration.Tests.Provisioner;

/// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, racing asserts).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate) report(value);
    }
}
