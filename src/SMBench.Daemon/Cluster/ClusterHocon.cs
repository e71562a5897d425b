using System.Globalization;
using Akka.Configuration;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// The actor-system settings of a cluster node: remoting address, seed nodes, roles, the split-brain resolver and the
/// cluster message serializer. The daemon takes address, seeds, roles and the resolver strategy from
/// Akka.Remote.Hosting / Akka.Cluster.Hosting (<see cref="ClusterHostingExtensions"/>) and lays the operator's HOCON
/// file over <see cref="Defaults"/>; in-process specs and benches, which build plain actor systems, use
/// <see cref="Node"/> for the same address settings (<c>ClusterHostingTests</c> checks the hosted result).
/// </summary>
public static class ClusterHocon
{
    public const string SerializerBinding = """
        akka.actor {
          serializers.smbench-cluster = "SMBench.Daemon.Cluster.ClusterMessageSerializer, smbench"
          serialization-bindings { "SMBench.Daemon.Cluster.IClusterMessage, smbench" = smbench-cluster }
        }
        """;

    /// <summary>Cluster settings an operator may override in config/akka.hocon (the shipped file repeats them).</summary>
    public static Config Defaults(ClusterNodeOptions options) => ConfigurationFactory.ParseString($$"""
        akka.cluster {
          downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
          split-brain-resolver {
            active-strategy = keep-majority
            stable-after = {{Seconds(options.StableAfter)}}
            keep-majority.role = ""
          }
          # A downed node leaves for good: its actor system shuts down (the daemon then reports unhealthy and exits).
          run-coordinated-shutdown-when-down = on
          singleton.hand-over-retry-interval = 1s
        }
        # A run's spec and replicas carry every client id (about 40 bytes each): 128 KB frames would drop the
        # messages of runs beyond a few thousand clients.
        akka.remote.dot-netty.tcp {
          maximum-frame-size = {{MaxFrameBytes}}b
          send-buffer-size = {{MaxFrameBytes}}b
          receive-buffer-size = {{MaxFrameBytes}}b
        }
        {{SerializerBinding}}
        """);

    /// <summary>Largest message between nodes (a 100,000-client run's spec is about 4 MB).</summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    /// <summary>This node's address, seeds and roles (highest priority).</summary>
    public static Config Node(ClusterNodeOptions options)
    {
        var seeds = string.Join(", ", options.SeedNodes.Select(Quote));
        var roles = string.Join(", ", options.Roles.Select(Quote));
        return ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp {
              hostname = {{Quote(options.Hostname)}}
              public-hostname = {{Quote(options.AdvertisedHost)}}
              port = {{options.Port.ToString(CultureInfo.InvariantCulture)}}
            }
            akka.cluster {
              seed-nodes = [{{seeds}}]
              roles = [{{roles}}]
            }
            """);
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
