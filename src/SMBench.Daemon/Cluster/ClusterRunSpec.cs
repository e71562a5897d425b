using SMBench.Core.Ir.Validation;
using SMBench.Streams.Runs;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// A cluster run as it was submitted (the fields of <c>POST /api/runs</c>), plus what the submitting node learned in
/// its preflight: the workload's digest (to tell whether a node already has it) and each client's op count (to
/// account for the ops of lost clients).
/// </summary>
public sealed record ClusterRunSpec
{
    public required string RunId { get; init; }
    /// <summary>The workload on the submitting node; other nodes use the same path when it holds the same digest.</summary>
    public required string WorkloadPath { get; init; }
    public required string WorkloadDigest { get; init; }
    /// <summary>Address of the node that took the request (it serves the workload to nodes that lack it).</summary>
    public required string Origin { get; init; }
    public string? Target { get; init; }
    public string? Backend { get; init; }
    public string Mode { get; init; } = "mvp";
    public double TimeScale { get; init; } = 1.0;
    public string? Root { get; init; }
    public string? User { get; init; }
    public string? PasswordEnv { get; init; }
    public string? Credentials { get; init; }
    public int MaxInFlight { get; init; } = 1;
    public double NullLatencyMs { get; init; }
    /// <summary>--loop / --duration: every node replays its clients' ops that often (see <see cref="Clients"/>).</summary>
    public int Loops { get; init; } = 1;
    public double? DurationS { get; init; }
    /// <summary>--connections; shared:N gives each node N connections for its clients.</summary>
    public string? Connections { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>
    /// Client id → ops it issues, in workload order: every pass of a --loop run counted (with the pass-end closes of
    /// handles the workload leaves open); one pass for a --duration run, whose pass count is not known ahead.
    /// </summary>
    public required IReadOnlyList<ClientOps> Clients { get; init; }

    public long OpsTotal => Clients.Sum(c => c.Ops);
}

public sealed record ClientOps(string ClientId, long Ops)
{
    /// <summary>
    /// Each client's ops from the preflight's validation, in workload order: every pass of --loop N with a close per
    /// handle the workload leaves open (what ReplayPasses issues); one pass for --duration, whose pass count is not
    /// known ahead.
    /// </summary>
    public static IReadOnlyList<ClientOps> From(ValidationReport report, ReplayLoop loop)
    {
        var passes = loop.Duration == null ? loop.Loops : 1;
        return report.PerClient.Select(c => new ClientOps(c.ClientId, c.Issued(passes))).ToList();
    }
}
