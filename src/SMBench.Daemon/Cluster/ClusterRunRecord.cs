using SMBench.Core.Results;
using SMBench.Daemon.Runs;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// A cluster run as <c>GET /api/runs/{id}</c> shows it: the fields of a single-node run (so scripts need not care
/// where it ran) plus <c>cluster</c>: the start instant, each node's share and state, and the clients and ops lost.
/// </summary>
public sealed record ClusterRunRecord : RunRecordFields
{
    public required ClusterRunInfo Cluster { get; init; }

    public static ClusterRunRecord From(ClusterRunState run)
    {
        var spec = run.Spec;
        var parts = run.Nodes.Values.ToList();
        var lost = run.LostParts.ToList();
        return new ClusterRunRecord
        {
            Id = spec.RunId,
            // Preparing is "running" to scripts, as a single node's connecting phase is.
            State = run.State == ClusterRunStates.Preparing ? ClusterRunStates.Running : run.State,
            Workload = spec.WorkloadPath, Target = spec.Target, Backend = spec.Backend, Mode = spec.Mode, TimeScale = spec.TimeScale,
            SubmittedAt = spec.SubmittedAt, StartedAt = run.StartedAt, EndedAt = run.EndedAt, Error = run.Error,
            ResultsDir = $"runs/{spec.RunId} under each node's data dir",
            Progress = new RunProgressInfo
            {
                Released = parts.Sum(p => p.Released), Completed = parts.Sum(p => p.Completed), Failed = parts.Sum(p => p.Failed),
                Total = spec.DurationS != null ? -1 : spec.OpsTotal, Clients = spec.Clients.Count,
                ElapsedS = run.StartedAt is { } s ? Math.Max(0, ((run.EndedAt ?? DateTimeOffset.UtcNow) - s).TotalSeconds) : 0,
            },
            Summary = run.Summary,
            Cluster = new ClusterRunInfo
            {
                Phase = run.State,
                StartAt = run.StartAtUnixUs is { } us ? DateTimeOffset.UnixEpoch.AddTicks(us * 10) : null,
                ClientsLost = lost.Sum(p => p.Clients.Count),
                OpsLost = lost.Sum(p => p.OpsAssigned),
                Nodes = run.Nodes.Select(kv => new ClusterNodeInfo
                {
                    Address = kv.Key, State = kv.Value.State, Clients = kv.Value.Clients.Count, OpsAssigned = kv.Value.OpsAssigned,
                    Released = kv.Value.Released, Completed = kv.Value.Completed, Failed = kv.Value.Failed, Error = kv.Value.Error,
                    StartAtUnixUs = kv.Value.StartAtUnixUs, FirstOpLatenessUs = kv.Value.FirstOpLatenessUs,
                }).ToList(),
            },
        };
    }
}

public sealed record ClusterRunInfo
{
    /// <summary>preparing (nodes fetching, connecting, priming), running, or the end state.</summary>
    public required string Phase { get; init; }
    /// <summary>The wall-clock instant every node started its run clock at.</summary>
    public DateTimeOffset? StartAt { get; init; }
    public int ClientsLost { get; init; }
    /// <summary>Ops of the lost clients: not in the summary (whatever such a node did before it was lost stays on its disk).</summary>
    public long OpsLost { get; init; }
    public required IReadOnlyList<ClusterNodeInfo> Nodes { get; init; }
}

public sealed record ClusterNodeInfo
{
    public required string Address { get; init; }
    public required string State { get; init; }
    public int Clients { get; init; }
    public long OpsAssigned { get; init; }
    public long Released { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    public string? Error { get; init; }
    public long? StartAtUnixUs { get; init; }
    public long? FirstOpLatenessUs { get; init; }
}
