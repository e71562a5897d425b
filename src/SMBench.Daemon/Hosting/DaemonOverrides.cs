namespace SMBench.Daemon.Hosting;

/// <summary>What the <c>smbench daemon</c> flags set; null means "not given".</summary>
public sealed record DaemonOverrides
{
    public string? ConfigFile { get; init; }
    public string? HttpUrl { get; init; }
    public string? DataDir { get; init; }
    public string? TokenFile { get; init; }
    public int? MaxConcurrentRuns { get; init; }
}

/// <summary>The configuration could not be used; the message says what to fix.</summary>
public sealed class DaemonConfigException(string message) : Exception(message);
