namespace SMBench.Daemon.Hosting;

/// <summary>What the <c>smbench daemon</c> flags set; null means "not given".</summary>
public sealed record DaemonOverrides
{
    public string? ConfigFile { get; init; }
    public string? HttpUrl { get; init; }
    public string? DataDir { get; init; }
    public string? TokenFile { get; init; }
    public int? MaxConcurrentRuns { get; init; }
    // Cluster (docs/cluster.md)
    public IReadOnlyList<string>? SeedNodes { get; init; }
    public string? RemoteHost { get; init; }
    public int? RemotePort { get; init; }
    public string? PublicHost { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }
    public double? Capacity { get; init; }
}

/// <summary>The configuration could not be used; the message says what to fix.</summary>
public sealed class DaemonConfigException(string message) : Exception(message);
