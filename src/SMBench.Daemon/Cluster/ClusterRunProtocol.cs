namespace SMBench.Daemon.Cluster;

/// <summary>
/// Messages between the HTTP API, the <see cref="ClusterRunCoordinator"/> (cluster singleton) and each node's
/// <see cref="NodeAgent"/>. All of them cross nodes and go through <see cref="ClusterMessageSerializer"/>.
/// </summary>
public static class ClusterRunProtocol
{
    // API → coordinator

    /// <summary>Answer: <see cref="RunAccepted"/> or <see cref="RunRefused"/>.</summary>
    public sealed record SubmitRun(ClusterRunSpec Spec) : IClusterMessage;

    public sealed record RunAccepted(string RunId, string State) : IClusterMessage;

    public sealed record RunRefused(string RunId, string Reason) : IClusterMessage;

    /// <summary>Answer: <see cref="RunView"/> or <see cref="RunUnknown"/>.</summary>
    public sealed record GetRun(string RunId) : IClusterMessage;

    public sealed record RunView(ClusterRunState Run) : IClusterMessage;

    public sealed record RunUnknown(string RunId) : IClusterMessage;

    /// <summary>Answer: <see cref="RunList"/>.</summary>
    public sealed record ListRuns : IClusterMessage;

    public sealed record RunList(IReadOnlyList<ClusterRunState> Runs) : IClusterMessage;

    /// <summary>Answer: <see cref="RunAccepted"/>, <see cref="RunUnknown"/> or <see cref="RunRefused"/> (already ended).</summary>
    public sealed record StopRun(string RunId, string Reason) : IClusterMessage;

    // coordinator ↔ agents

    /// <summary>Every agent says it is there and what it can take, every few seconds (and at once after a hand-over).</summary>
    public sealed record RegisterNode(string Node, double Capacity, bool RunsClients) : IClusterMessage;

    /// <summary>Get the workload, connect these clients, prime, then answer <see cref="NodeReady"/> and wait for <see cref="StartAt"/>.</summary>
    public sealed record PrepareRun(ClusterRunSpec Spec, IReadOnlyList<string> Clients) : IClusterMessage;

    public sealed record NodeReady(string RunId, string Node) : IClusterMessage;

    /// <summary>Every node starts its run clock at this wall-clock instant (Unix µs).</summary>
    public sealed record StartAt(string RunId, long UnixTimeUs) : IClusterMessage;

    /// <param name="SoFar">Every few seconds, the node's results so far (for the run's live summary).</param>
    public sealed record NodeProgress(string RunId, string Node, long Released, long Completed, long Failed, PartialSummary? SoFar = null)
        : IClusterMessage;

    /// <param name="State">The part's end: finished (completed or stopped) or failed (nothing ran).</param>
    public sealed record NodeFinished(string RunId, string Node, string State, string? Error, PartialSummary Result) : IClusterMessage;

    public sealed record AbortRun(string RunId, string Reason) : IClusterMessage;

    /// <summary>Coordinator → every agent after each change of a run.</summary>
    public sealed record Replicate(ClusterRunState Run) : IClusterMessage;

    /// <summary>A new coordinator asks every agent for its copies: answer <see cref="Replicas"/>.</summary>
    public sealed record GetReplicas : IClusterMessage;

    /// <param name="Parts">What this node's own parts look like now (a finished part's result included).</param>
    public sealed record Replicas(string Node, IReadOnlyList<ClusterRunState> Runs, IReadOnlyList<NodeFinished> Parts,
        IReadOnlyList<NodeProgress> Running) : IClusterMessage;

    // agent ↔ agent: shipping a workload to a node that lacks it

    /// <summary>Answer: <see cref="WorkloadChunk"/> or <see cref="WorkloadUnavailable"/>.</summary>
    public sealed record FetchWorkload(string Digest, long Offset) : IClusterMessage;

    /// <param name="BundleSha256">SHA-256 (hex) of the whole bundle (a tar of the workload dir), checked after the last chunk.</param>
    public sealed record WorkloadChunk(string Digest, long Offset, long TotalLength, string BundleSha256, byte[] Data) : IClusterMessage;

    public sealed record WorkloadUnavailable(string Digest, string Reason) : IClusterMessage;
}
