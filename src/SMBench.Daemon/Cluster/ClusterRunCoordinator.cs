using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using SMBench.Core.Results;
using static SMBench.Daemon.Cluster.ClusterRunProtocol;
using static SMBench.Daemon.Cluster.ClusterRunCoordinatorProtocol;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// The cluster's run coordinator (a cluster singleton, reached through its proxy on every node). It assigns a run's
/// clients to the nodes with the replay role (<see cref="ClientAssignment"/>), sends each its part, starts every
/// node at one wall-clock instant once all are ready, follows progress, reports the clients of a node that leaves or
/// is downed mid-run as lost while the others finish, and merges the nodes' results into the run's summary. Every
/// change is replicated to all nodes; a coordinator that takes over first collects those replicas (and each node's
/// own parts) and continues from them.
/// </summary>
public sealed class ClusterRunCoordinator : ReceiveActor, IWithTimers, IWithStash
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ClusterRunCoordinatorOptions _options;
    private readonly Dictionary<string, RegisterNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClusterRunState> _runs = new(StringComparer.Ordinal);
    private readonly List<Replicas> _recovered = [];
    // Running parts' results so far (node-local, not replicated: a new coordinator gets fresh ones within seconds).
    private readonly Dictionary<(string RunId, string Node), PartialSummary> _soFar = new();
    private readonly Dictionary<string, (DateTime At, RunSummary Summary)> _live = new(StringComparer.Ordinal);

    public ClusterRunCoordinator(ClusterRunCoordinatorOptions options)
    {
        _options = options;
        Receive<Replicas>(r => _recovered.Add(r));
        Receive<RegisterNode>(OnRegister);
        Receive<ClusterEvent.MemberRemoved>(m => NodeGone(m.Member.Address.ToString()));
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        Receive<RecoveryDone>(_ =>
        {
            Recover();
            Become(Active);
            Stash.UnstashAll();
        });
        ReceiveAny(_ => Stash.Stash());
    }

    public ITimerScheduler Timers { get; set; } = null!;
    public IStash Stash { get; set; } = null!;

    public static Props Props(ClusterRunCoordinatorOptions options) => Akka.Actor.Props.Create(() => new ClusterRunCoordinator(options));

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));
        foreach (var member in _cluster.State.Members) Agent(member.Address.ToString()).Tell(new GetReplicas());
        Timers.StartSingleTimer("recovery", new RecoveryDone(), _options.RecoveryWindow);
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void Active()
    {
        Receive<RegisterNode>(OnRegister);
        Receive<Replicas>(_ => { });
        Receive<ClusterEvent.MemberRemoved>(m => NodeGone(m.Member.Address.ToString()));
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        Receive<SubmitRun>(OnSubmit);
        Receive<GetRun>(g => Sender.Tell(_runs.TryGetValue(g.RunId, out var run) ? new RunView(WithLiveSummary(run).WithoutPartResults()) : new RunUnknown(g.RunId)));
        Receive<ListRuns>(_ => Sender.Tell(new RunList(_runs.Values.OrderByDescending(r => r.Spec.SubmittedAt).Select(r => r.WithoutPartResults()).ToList())));
        Receive<StopRun>(OnStop);
        Receive<NodeReady>(r => Update(r.RunId, r.Node, p => p.State == NodePartStates.Assigned ? p with { State = NodePartStates.Ready } : p));
        Receive<NodeProgress>(p =>
        {
            if (p.SoFar != null && _runs.TryGetValue(p.RunId, out var r) && !r.IsTerminal) _soFar[(p.RunId, p.Node)] = p.SoFar;
            Update(p.RunId, p.Node, part => part.IsDone ? part : part with
            {
                Released = p.Released, Completed = p.Completed, Failed = p.Failed,
            }, replicate: false);
        });
        Receive<NodeFinished>(f => Update(f.RunId, f.Node, p => p.IsDone && p.State != NodePartStates.Lost ? p : p with
        {
            State = f.State, Error = f.Error, Result = f.Result, Completed = f.Result.Total, Failed = f.Result.Total - f.Result.Ok,
            StartAtUnixUs = f.Result.StartAtUnixUs, FirstOpLatenessUs = f.Result.FirstOpLatenessUs,
        }));
        Receive<PrepareDeadline>(OnPrepareDeadline);
    }

    private void OnRegister(RegisterNode node) => _nodes[node.Node] = node;

    private void OnSubmit(SubmitRun submit)
    {
        var spec = submit.Spec;
        if (_runs.ContainsKey(spec.RunId))
        {
            Sender.Tell(new RunRefused(spec.RunId, $"a run with id '{spec.RunId}' already exists"));
            return;
        }
        var reachable = _cluster.State.Members
            .Where(m => m.Status == MemberStatus.Up && !_cluster.State.Unreachable.Contains(m))
            .Select(m => m.Address.ToString()).ToHashSet(StringComparer.Ordinal);
        var capacities = _nodes.Values.Where(n => n.RunsClients && n.Capacity > 0 && reachable.Contains(n.Node))
            .ToDictionary(n => n.Node, n => n.Capacity, StringComparer.Ordinal);
        if (capacities.Count == 0)
        {
            Sender.Tell(new RunRefused(spec.RunId, "no reachable cluster node with the 'replay' role has registered yet; check `smbench ctl cluster show`"));
            return;
        }
        var ops = spec.Clients.ToDictionary(c => c.ClientId, c => c.Ops, StringComparer.Ordinal);
        var parts = new SortedDictionary<string, NodePart>(StringComparer.Ordinal);
        foreach (var (node, clients) in ClientAssignment.Assign(spec.Clients.Select(c => c.ClientId), capacities))
            if (clients.Count > 0)
                parts[node] = new NodePart { Clients = clients, OpsAssigned = clients.Sum(c => ops[c]) };
        var run = new ClusterRunState { Spec = spec, Version = 1, Nodes = parts };
        _runs[spec.RunId] = run;
        // A node needs the run's settings and its own clients, not the whole client list.
        var light = spec with { Clients = [] };
        foreach (var (node, part) in parts) Agent(node).Tell(new PrepareRun(light, part.Clients));
        Timers.StartSingleTimer("prepare-" + spec.RunId, new PrepareDeadline(spec.RunId), _options.PrepareTimeout);
        _log.Info("run {0}: {1} clients over {2} nodes ({3})", spec.RunId, spec.Clients.Count, parts.Count,
            string.Join(", ", parts.Select(p => $"{p.Key}: {p.Value.Clients.Count}")));
        Replicate(run);
        Sender.Tell(new RunAccepted(spec.RunId, ClusterRunStates.Running));
        CheckProgress(spec.RunId);
    }

    private void OnStop(StopRun stop)
    {
        if (!_runs.TryGetValue(stop.RunId, out var run))
        {
            Sender.Tell(new RunUnknown(stop.RunId));
            return;
        }
        if (run.IsTerminal)
        {
            Sender.Tell(new RunRefused(stop.RunId, $"run {stop.RunId} already ended ({run.State})"));
            return;
        }
        _runs[stop.RunId] = run with { StopRequested = true, Error = run.Error ?? stop.Reason, Version = run.Version + 1 };
        foreach (var (node, part) in run.Nodes)
            if (!part.IsDone) Agent(node).Tell(new AbortRun(stop.RunId, stop.Reason));
        Replicate(_runs[stop.RunId]);
        Sender.Tell(new RunAccepted(stop.RunId, run.State == ClusterRunStates.Preparing ? ClusterRunStates.Running : run.State));
    }

    private void OnPrepareDeadline(PrepareDeadline deadline)
    {
        if (!_runs.TryGetValue(deadline.RunId, out var run) || run.State != ClusterRunStates.Preparing) return;
        foreach (var (node, part) in run.Nodes.Where(p => p.Value.State == NodePartStates.Assigned).ToList())
        {
            Agent(node).Tell(new AbortRun(deadline.RunId, "not ready within the prepare timeout"));
            run.Nodes[node] = part with { State = NodePartStates.Failed, Error = $"not ready within {_options.PrepareTimeout}" };
        }
        _runs[deadline.RunId] = run with { Version = run.Version + 1 };
        CheckProgress(deadline.RunId);
    }

    /// <summary>A member was removed (left, or downed after becoming unreachable): its unfinished parts are lost.</summary>
    private void NodeGone(string node)
    {
        _nodes.Remove(node);
        foreach (var run in _runs.Values.Where(r => !r.IsTerminal).ToList())
        {
            if (!run.Nodes.TryGetValue(node, out var part) || part.IsDone) continue;
            _log.Warning("run {0}: node {1} left mid-run; its {2} clients ({3} ops) are lost", run.Spec.RunId, node, part.Clients.Count, part.OpsAssigned);
            run.Nodes[node] = part with { State = NodePartStates.Lost, Error = "the node left the cluster or was downed mid-run" };
            _runs[run.Spec.RunId] = run with { Version = run.Version + 1 };
            CheckProgress(run.Spec.RunId);
        }
    }

    private void Update(string runId, string node, Func<NodePart, NodePart> change, bool replicate = true)
    {
        if (!_runs.TryGetValue(runId, out var run) || run.IsTerminal || !run.Nodes.TryGetValue(node, out var part)) return;
        var updated = change(part);
        if (ReferenceEquals(updated, part)) return;
        run.Nodes[node] = updated;
        if (!replicate) return;
        _runs[runId] = run with { Version = run.Version + 1 };
        CheckProgress(runId);
    }

    /// <summary>Starts the run once every part is ready (or out), ends it once every part is done; replicates the result.</summary>
    private void CheckProgress(string runId)
    {
        var run = _runs[runId];
        if (run.State == ClusterRunStates.Preparing && run.Nodes.Values.All(p => p.State != NodePartStates.Assigned)
                                                    && run.Nodes.Values.Any(p => p.State == NodePartStates.Ready))
        {
            var startAt = DateTimeOffset.UtcNow + _options.StartLead;
            var unixUs = (startAt - DateTimeOffset.UnixEpoch).Ticks / 10;
            foreach (var (node, part) in run.Nodes.Where(p => p.Value.State == NodePartStates.Ready).ToList())
            {
                Agent(node).Tell(new StartAt(runId, unixUs));
                run.Nodes[node] = part with { State = NodePartStates.Running };
            }
            run = run with { State = ClusterRunStates.Running, StartAtUnixUs = unixUs, StartedAt = startAt };
            Timers.Cancel("prepare-" + runId);
            _log.Info("run {0}: every node ready, starting at {1:O}", runId, startAt);
        }
        if (!run.IsTerminal && run.Nodes.Values.All(p => p.IsDone)) run = End(run);
        _runs[runId] = run with { Version = run.Version + 1 };
        Replicate(_runs[runId]);
    }

    /// <summary>A running run with the summary so far: finished parts' results and running parts' latest ones, merged.</summary>
    private ClusterRunState WithLiveSummary(ClusterRunState run)
    {
        if (run.IsTerminal) return run;
        var id = run.Spec.RunId;
        if (_live.TryGetValue(id, out var cached) && DateTime.UtcNow - cached.At < TimeSpan.FromMilliseconds(500))
            return run with { Summary = cached.Summary };
        var parts = run.Nodes.Where(p => p.Value.State != NodePartStates.Lost)
            .Select(p => p.Value.Result ?? _soFar.GetValueOrDefault((id, p.Key)))
            .Where(p => p != null).Select(p => p!).ToList();
        if (parts.Count == 0) return run;
        var summary = SummaryMerger.Merge(Template(run, run.State, null, null), parts);
        _live[id] = (DateTime.UtcNow, summary);
        return run with { Summary = summary };
    }

    private static RunSummary Template(ClusterRunState run, string state, string? error, DateTimeOffset? endedAt) => new()
    {
        RunId = run.Spec.RunId, State = state, Error = error, Workload = run.Spec.WorkloadPath, Backend = run.Spec.Backend,
        Mode = run.Spec.Mode, Target = run.Spec.Target, TimeScale = run.Spec.TimeScale, StartedAt = run.StartedAt, EndedAt = endedAt,
    };

    private ClusterRunState End(ClusterRunState run)
    {
        var spec = run.Spec;
        var state = run.StopRequested ? ClusterRunStates.Stopped
            : run.Nodes.Values.Any(p => p.State == NodePartStates.Finished) ? ClusterRunStates.Completed
            : ClusterRunStates.Failed;
        var problems = run.Nodes.Where(p => p.Value.State is NodePartStates.Failed or NodePartStates.Lost)
            .Select(p => $"{p.Key}: {p.Value.State} ({p.Value.Error})").ToList();
        var error = run.StopRequested ? run.Error : problems.Count > 0 ? string.Join("; ", problems) : null;
        var endedAt = DateTimeOffset.UtcNow;
        var summary = SummaryMerger.Merge(Template(run, state, error, endedAt),
            run.Nodes.Values.Where(p => p.Result != null && p.State != NodePartStates.Lost).Select(p => p.Result!));
        foreach (var node in run.Nodes.Keys) _soFar.Remove((spec.RunId, node));
        _live.Remove(spec.RunId);
        // Ops a reporting node was given but never journaled (stopped first, or its part failed); a lost node's ops
        // are counted apart (cluster.ops_lost).
        summary = summary with
        {
            OpsNotRun = run.Nodes.Values.Where(p => p.State != NodePartStates.Lost)
                .Sum(p => Math.Max(0, p.OpsAssigned - (p.Result?.Total ?? 0))),
        };
        WriteSummary(spec.RunId, summary);
        _log.Info("run {0} {1}: {2} ops over {3} nodes{4}", spec.RunId, state, summary.OpsTotal, run.Nodes.Count,
            error == null ? "" : ": " + error);
        var ended = run with { State = state, Error = error, EndedAt = endedAt, Summary = summary };
        Prune();
        return ended.WithoutPartResults();
    }

    private void WriteSummary(string runId, RunSummary summary)
    {
        try
        {
            var dir = Path.Combine(_options.DataDir, "runs", runId);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, ClusterRunCoordinatorOptions.SummaryFileName), summary.ToJson());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Warning("run {0}: cannot write the cluster summary: {1}", runId, e.Message);
        }
    }

    private void Prune()
    {
        foreach (var old in _runs.Values.Where(r => r.IsTerminal).OrderByDescending(r => r.EndedAt).Skip(_options.KeepEndedRuns).ToList())
            _runs.Remove(old.Spec.RunId);
    }

    /// <summary>After a hand-over: the newest replica of each run, then what the nodes say about their own parts.</summary>
    private void Recover()
    {
        foreach (var run in _recovered.SelectMany(r => r.Runs))
            if (!_runs.TryGetValue(run.Spec.RunId, out var known) || known.Version < run.Version)
                _runs[run.Spec.RunId] = run with { Nodes = new(run.Nodes, StringComparer.Ordinal) }; // this node's agent keeps its own copy
        var members = _cluster.State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Joining or MemberStatus.WeaklyUp)
            .Select(m => m.Address.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var reply in _recovered)
        {
            foreach (var f in reply.Parts) Self.Tell(f);
            foreach (var p in reply.Running) Self.Tell(p);
        }
        var active = _runs.Values.Where(r => !r.IsTerminal).ToList();
        if (_runs.Count > 0) _log.Info("took over with {0} runs ({1} active) from {2} nodes", _runs.Count, active.Count, _recovered.Count);
        foreach (var run in active)
        {
            foreach (var (node, part) in run.Nodes.ToList())
            {
                if (part.IsDone) continue;
                if (!members.Contains(node))
                    run.Nodes[node] = part with { State = NodePartStates.Lost, Error = "the node left the cluster during the coordinator hand-over" };
                else if (run.State == ClusterRunStates.Preparing)
                    Agent(node).Tell(new PrepareRun(run.Spec with { Clients = [] }, part.Clients)); // a node that is ready says so again
            }
            if (run.State == ClusterRunStates.Preparing)
                Timers.StartSingleTimer("prepare-" + run.Spec.RunId, new PrepareDeadline(run.Spec.RunId), _options.PrepareTimeout);
            CheckProgress(run.Spec.RunId);
        }
        _recovered.Clear();
    }

    private void Replicate(ClusterRunState run)
    {
        // Remoting serializes after Tell returns and this actor keeps updating its own map: send a copy.
        var message = new Replicate(run with { Nodes = new(run.Nodes, StringComparer.Ordinal) });
        foreach (var member in _cluster.State.Members) Agent(member.Address.ToString()).Tell(message);
    }

    private ActorSelection Agent(string node) => Context.ActorSelection(node + "/user/" + NodeAgent.ActorName);
}
