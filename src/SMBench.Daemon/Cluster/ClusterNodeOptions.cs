namespace SMBench.Daemon.Cluster;

/// <summary>
/// How this daemon takes part in a cluster (HOCON <c>smbench.daemon.cluster</c>, env and flags; see docs/cluster.md).
/// Disabled (the default, no seed nodes) keeps the daemon a single node with a local actor system.
/// </summary>
public sealed record ClusterNodeOptions
{
    /// <summary>Role every node that runs clients has; a node without it only coordinates and serves the API.</summary>
    public const string ReplayRole = "replay";

    public bool Enabled { get; init; }
    /// <summary>Address the remoting transport binds to (0.0.0.0 in containers).</summary>
    public string Hostname { get; init; } = "127.0.0.1";
    /// <summary>Address other nodes use to reach this one (the VM's name or IP, the container's service name); empty: <see cref="Hostname"/>.</summary>
    public string? PublicHostname { get; init; }
    /// <summary>Remoting port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 4053;
    /// <summary><c>akka.tcp://smbench@host:port</c> of the seed nodes (including this node when it is one).</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [ReplayRole];
    /// <summary>Relative share of a run's clients this node takes (a 4-core VM might say 2 next to a 2-core one's 1).</summary>
    public double Capacity { get; init; } = 1.0;
    /// <summary>Time between "every node is ready" and the common start instant; covers the start message's trip.</summary>
    public TimeSpan StartLead { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How long nodes may take to get the workload, connect their clients and prime before the run gives up on them.</summary>
    public TimeSpan PrepareTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Split-brain resolver: how long membership must be stable before unreachable nodes are downed.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(10);

    public string AdvertisedHost => string.IsNullOrWhiteSpace(PublicHostname) ? Hostname : PublicHostname!;

    public bool RunsClients => Roles.Contains(ReplayRole, StringComparer.Ordinal);

    public bool Equals(ClusterNodeOptions? other)
        => other is not null && Enabled == other.Enabled && Hostname == other.Hostname && PublicHostname == other.PublicHostname
           && Port == other.Port && SeedNodes.SequenceEqual(other.SeedNodes) && Roles.SequenceEqual(other.Roles)
           && Capacity.Equals(other.Capacity) && StartLead == other.StartLead && PrepareTimeout == other.PrepareTimeout
           && StableAfter == other.StableAfter;

    public override int GetHashCode() => HashCode.Combine(Enabled, Hostname, Port, Capacity, SeedNodes.Count, Roles.Count);
}
