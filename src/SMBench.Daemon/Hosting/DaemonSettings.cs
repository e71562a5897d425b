using System.Net;
using Akka.Configuration;

namespace SMBench.Daemon.Hosting;

/// <summary>The daemon's resolved settings: HOCON file, then environment, then flags (see config/akka.hocon).</summary>
public sealed record DaemonSettings
{
    public required string HttpUrl { get; init; }
    /// <summary>Bearer token for /api/*; null leaves the API open (loopback only).</summary>
    public string? ApiToken { get; init; }
    public required string DataDir { get; init; }
    public int MaxConcurrentRuns { get; init; } = 1;
    public int LogBufferLines { get; init; } = 5000;
    public TimeSpan StatusTimeout { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Largest workload bundle PUT /api/workloads accepts, on the wire and unpacked.</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;
    public const long DefaultMaxUploadBytes = 8L << 30;
    /// <summary>Where the HOCON came from (a path, or "built-in defaults").</summary>
    public required string ConfigSource { get; init; }
    /// <summary>Cluster membership; disabled (single node) unless seed nodes are given or cluster.enabled is on.</summary>
    public SMBench.Daemon.Cluster.ClusterNodeOptions Cluster { get; init; } = new();
    /// <summary>The whole HOCON document; the actor system gets it too.</summary>
    public required Config Hocon { get; init; }

    /// <summary>True when <see cref="HttpUrl"/> binds only to this machine (127.0.0.0/8, ::1, localhost).</summary>
    public bool IsLoopback => IsLoopbackUrl(HttpUrl);

    public static bool IsLoopbackUrl(string url)
    {
        // Kestrel wildcards ("http://*:5080", "http://+:5080") are not valid URIs for Uri; they are never loopback.
        if (!Uri.TryCreate(url.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal),
                UriKind.Absolute, out var uri)) return false;
        if (uri.IsLoopback) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
