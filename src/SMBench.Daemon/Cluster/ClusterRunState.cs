using SMBench.Core.Results;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// Everything the coordinator knows about one cluster run. It is replicated to every node after each change, so a
/// coordinator that takes over (singleton hand-over) continues from the newest copy it can find.
/// </summary>
public sealed record ClusterRunState
{
    public required ClusterRunSpec Spec { get; init; }
    /// <summary>Grows with every change; the newest replica wins.</summary>
    public long Version { get; init; }
    /// <summary>queued → preparing → running → completed | stopped | failed.</summary>
    public string State { get; init; } = ClusterRunStates.Preparing;
    public string? Error { get; init; }
    /// <summary>Someone asked to stop the run: it ends as stopped once every part has drained.</summary>
    public bool StopRequested { get; init; }
    /// <summary>Node address → its part.</summary>
    public SortedDictionary<string, NodePart> Nodes { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The common start instant (Unix µs), once every node was ready.</summary>
    public long? StartAtUnixUs { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>The merged summary once the run ended.</summary>
    public RunSummary? Summary { get; init; }

    public bool IsTerminal => ClusterRunStates.IsTerminal(State);

    /// <summary>The same run without the parts' histograms (status answers; ended runs keep only the merged summary).</summary>
    public ClusterRunState WithoutPartResults()
        => this with { Nodes = new(Nodes.ToDictionary(kv => kv.Key, kv => kv.Value with { Result = null }), StringComparer.Ordinal) };

    public IEnumerable<NodePart> LostParts => Nodes.Values.Where(p => p.State == NodePartStates.Lost);
}

/// <summary>One node's share of a run.</summary>
public sealed record NodePart
{
    public required IReadOnlyList<string> Clients { get; init; }
    public long OpsAssigned { get; init; }
    /// <summary>assigned → ready → running → finished | failed | lost.</summary>
    public string State { get; init; } = NodePartStates.Assigned;
    public string? Error { get; init; }
    public long Released { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    /// <summary>The instant (Unix µs) this node's run clock was set to (from its result).</summary>
    public long? StartAtUnixUs { get; init; }
    /// <summary>How late this node's earliest op went out after its due time: the node's real start offset.</summary>
    public long? FirstOpLatenessUs { get; init; }
    /// <summary>The node's mergeable results once its part finished.</summary>
    public PartialSummary? Result { get; init; }

    public bool IsDone => State is NodePartStates.Finished or NodePartStates.Failed or NodePartStates.Lost;
}

public static class ClusterRunStates
{
    public const string Preparing = "preparing";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Stopped = "stopped";
    public const string Failed = "failed";

    public static bool IsTerminal(string state) => state is Completed or Stopped or Failed;
}

public static class NodePartStates
{
    public const string Assigned = "assigned";
    public const string Ready = "ready";
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";
    /// <summary>The node left, was downed or became unreachable for good: its clients and ops are reported as lost.</summary>
    public const string Lost = "lost";
}
