using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using SMBench.Actors.Backends;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Daemon.Cli;
using SMBench.Daemon.Runs;
using SMBench.Streams.Runs;
using static SMBench.Daemon.Cluster.ClusterRunProtocol;
using static SMBench.Daemon.Cluster.NodeAgentProtocol;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// One per node (<c>/user/cluster-node</c>): runs this node's share of cluster runs. For a <see cref="PrepareRun"/> it
/// finds the workload (same path with the same digest, an earlier copy, or fetched in chunks from the submitting
/// node), starts a <see cref="ReplayRunner"/> limited to its clients with results under its own data dir, reports
/// ready once connected and primed, and starts the clock at the coordinator's <see cref="StartAt"/> instant. It keeps
/// the coordinator's replicas and its own parts' results, so a new coordinator can pick up after a hand-over.
/// </summary>
public sealed class NodeAgent : ReceiveActor, IWithTimers
{
    public const string ActorName = "cluster-node";
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly NodeAgentOptions _options;
    private readonly IActorRef _coordinator;
    private readonly string _self;
    private readonly Dictionary<string, Part> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClusterRunState> _replicas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _offers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Path, string Sha256)> _bundles = new(StringComparer.Ordinal);

    private sealed class Part(ClusterRunSpec spec, IReadOnlyList<string> clients, IResultObserver? metrics)
    {
        public ClusterRunSpec Spec { get; } = spec;
        public IReadOnlyList<string> Clients { get; } = clients;
        public CancellationTokenSource Cancel { get; } = new();
        public TaskCompletionSource<DateTimeOffset> Start { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public PartialSummaryBuilder Results { get; } = new(metrics);
        public bool Ready { get; set; }
        public NodeProgress? Progress { get; set; }
        public NodeFinished? Finished { get; set; }
        public long? StartAtUnixUs { get; set; }
        public DateTime SoFarSentAt { get; set; }
    }

    private static readonly TimeSpan SoFarInterval = TimeSpan.FromSeconds(2);

    public NodeAgent(NodeAgentOptions options, IActorRef coordinator)
    {
        _options = options;
        _coordinator = coordinator;
        _self = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        Receive<Tick>(_ => _coordinator.Tell(new RegisterNode(_self, _options.Capacity, _options.RunsClients)));
        Receive<Offer>(o => _offers[o.Digest] = o.WorkloadPath);
        Receive<PrepareRun>(OnPrepare);
        Receive<WorkloadResolved>(OnWorkloadResolved);
        Receive<BarrierReached>(b => WithPart(b.RunId, p =>
        {
            p.Ready = true;
            _coordinator.Tell(new NodeReady(b.RunId, _self));
        }));
        Receive<StartAt>(s => WithPart(s.RunId, p =>
        {
            if (p.Start.TrySetResult(DateTimeOffset.UnixEpoch.AddTicks(s.UnixTimeUs * 10))) p.StartAtUnixUs = s.UnixTimeUs;
        }));
        Receive<AbortRun>(a => WithPart(a.RunId, p =>
        {
            _log.Info("run {0}: aborting this node's part ({1})", a.RunId, a.Reason);
            p.Cancel.Cancel();
            p.Start.TrySetCanceled();
        }));
        Receive<LocalProgress>(l => WithPart(l.RunId, p =>
        {
            p.Progress = new NodeProgress(l.RunId, _self, l.Released, l.Completed, l.Failed);
            // The histograms so far ride along every few seconds only: encoding them is not free.
            var now = DateTime.UtcNow;
            var soFar = now - p.SoFarSentAt >= SoFarInterval ? p.Results.Build() : null;
            if (soFar != null) p.SoFarSentAt = now;
            _coordinator.Tell(p.Progress with { SoFar = soFar });
        }));
        Receive<PartEnded>(OnPartEnded);
        Receive<Replicate>(r =>
        {
            if (!_replicas.TryGetValue(r.Run.Spec.RunId, out var known) || known.Version <= r.Run.Version) _replicas[r.Run.Spec.RunId] = r.Run;
        });
        Receive<GetReplicas>(_ => Sender.Tell(new Replicas(_self, _replicas.Values.ToList(),
            _parts.Values.Where(p => p.Finished != null).Select(p => p.Finished!).ToList(),
            _parts.Values.Where(p => p.Finished == null && p.Progress != null).Select(p => p.Progress!).ToList())));
        Receive<FetchWorkload>(OnFetch);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(NodeAgentOptions options, IActorRef coordinator)
        => Akka.Actor.Props.Create(() => new NodeAgent(options, coordinator));

    protected override void PreStart()
    {
        Self.Tell(new Tick());
        Timers.StartPeriodicTimer("register", new Tick(), _options.RegisterInterval);
    }

    private void WithPart(string runId, Action<Part> action)
    {
        if (_parts.TryGetValue(runId, out var part)) action(part);
    }

    private void OnPrepare(PrepareRun prepare)
    {
        var id = prepare.Spec.RunId;
        if (_parts.TryGetValue(id, out var known))
        {
            // A coordinator that took over asks again: say where this part is.
            if (known.Finished != null) _coordinator.Tell(known.Finished);
            else if (known.Ready) _coordinator.Tell(new NodeReady(id, _self));
            return;
        }
        var part = new Part(prepare.Spec, prepare.Clients, _options.Observer);
        _parts[id] = part;
        _log.Info("run {0}: preparing {1} clients on this node", id, prepare.Clients.Count);
        var origin = Context.ActorSelection(prepare.Spec.Origin + "/user/" + ActorName);
        ResolveWorkloadAsync(prepare.Spec, origin, part.Cancel.Token)
            .ContinueWith(t => t.IsCompletedSuccessfully
                ? new WorkloadResolved(id, t.Result, null)
                : new WorkloadResolved(id, null, t.Exception?.GetBaseException().Message ?? "cancelled"), TaskScheduler.Default)
            .PipeTo(Self);
    }

    private async Task<string> ResolveWorkloadAsync(ClusterRunSpec spec, ActorSelection origin, CancellationToken ct)
    {
        if (!WorkloadBundles.IsDigest(spec.WorkloadDigest))
            throw new InvalidDataException("the run's workload digest is not a SHA-256 digest");
        if (WorkloadBundles.Matches(spec.WorkloadPath, spec.WorkloadDigest)) return spec.WorkloadPath;
        var dir = Path.Combine(_options.ReceivedWorkloadsDir, spec.WorkloadDigest);
        var local = Path.GetFileName(spec.WorkloadPath) is WorkloadReader.JsonFileName or WorkloadReader.JsonLinesFileName
            ? Path.Combine(dir, Path.GetFileName(spec.WorkloadPath))
            : dir;
        if (WorkloadBundles.Matches(local, spec.WorkloadDigest)) return local;
        _log.Info("run {0}: fetching workload {1} from {2}", spec.RunId, spec.WorkloadDigest[..12], spec.Origin);
        Directory.CreateDirectory(_options.BundlesDir);
        var temp = Path.Combine(_options.BundlesDir, $"{spec.WorkloadDigest}.recv-{Guid.NewGuid():N}");
        try
        {
            long offset = 0, total;
            string sha;
            await using (var file = File.Create(temp))
            {
                do
                {
                    var answer = await origin.Ask<object>(new FetchWorkload(spec.WorkloadDigest, offset), TimeSpan.FromSeconds(60), ct)
                        .ConfigureAwait(false);
                    if (answer is WorkloadUnavailable u) throw new InvalidOperationException($"the submitting node cannot serve the workload: {u.Reason}");
                    var chunk = (WorkloadChunk)answer;
                    if (chunk.Offset != offset || (chunk.Data.Length == 0 && offset < chunk.TotalLength))
                        throw new InvalidDataException($"workload chunk at {chunk.Offset} does not continue at {offset}");
                    await file.WriteAsync(chunk.Data, ct).ConfigureAwait(false);
                    offset += chunk.Data.Length;
                    total = chunk.TotalLength;
                    sha = chunk.BundleSha256;
                } while (offset < total);
            }
            WorkloadBundles.Unpack(temp, sha, dir);
        }
        finally
        {
            File.Delete(temp);
        }
        return WorkloadBundles.Matches(local, spec.WorkloadDigest)
            ? local
            : throw new InvalidDataException("the received workload does not match the submitted one's digest");
    }

    private void OnWorkloadResolved(WorkloadResolved resolved)
    {
        if (!_parts.TryGetValue(resolved.RunId, out var part)) return;
        if (resolved.Path == null || part.Cancel.IsCancellationRequested)
        {
            EndPart(part, NodePartStates.Failed, resolved.Error ?? "aborted before it started");
            return;
        }
        var spec = part.Spec;
        IReplayBackend backend;
        string? targetText;
        try
        {
            var mode = Enum.Parse<ReplayMode>(spec.Mode, ignoreCase: true);
            var credentials = spec.User != null || spec.Credentials != null
                ? new CredentialOptions(spec.User, spec.PasswordEnv ?? CredentialOptions.DefaultPasswordEnv, spec.Credentials)
                : null;
            (backend, targetText) = BackendFactory.Create(resolved.Path, spec.Target, spec.Backend, spec.Root, spec.RunId,
                spec.NullLatencyMs, mode, credentials, spec.Connections);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or WorkloadException)
        {
            EndPart(part, NodePartStates.Failed, $"cannot set up the backend on this node: {e.Message}");
            return;
        }
        var self = Self;
        var id = spec.RunId;
        var request = new ReplayRequest
        {
            WorkloadPath = resolved.Path, Backend = backend, ResultsDir = Path.Combine(_options.RunsDir, id),
            Mode = Enum.Parse<ReplayMode>(spec.Mode, ignoreCase: true), TimeScale = spec.TimeScale, RunId = id, Target = targetText,
            MaxInFlightPerClient = spec.MaxInFlight, Clients = new HashSet<string>(part.Clients, StringComparer.Ordinal),
            Node = _self, Observer = part.Results,
            Loop = new ReplayLoop(spec.Loops, spec.DurationS is { } d ? TimeSpan.FromSeconds(d) : null),
            StartBarrier = ct =>
            {
                self.Tell(new BarrierReached(id));
                return part.Start.Task.WaitAsync(ct);
            },
        };
        var progress = new Progress(p => self.Tell(new LocalProgress(id, p.Released, p.Completed, p.Failed)));
        var system = _options.EngineSystem ?? Context.System;
        Task.Run(async () =>
            {
                try
                {
                    return await ReplayRunner.RunAsync(system, request, progress, part.Cancel.Token).ConfigureAwait(false);
                }
                finally
                {
                    await backend.DisposeAsync().ConfigureAwait(false);
                }
            }, CancellationToken.None)
            .ContinueWith(t => new PartEnded(id, t.IsCompletedSuccessfully ? t.Result : null,
                t.Exception?.GetBaseException().Message), TaskScheduler.Default)
            .PipeTo(self);
    }

    private void OnPartEnded(PartEnded ended)
    {
        if (!_parts.TryGetValue(ended.RunId, out var part)) return;
        if (ended.Result == null)
        {
            EndPart(part, NodePartStates.Failed, ended.Error ?? "the replay failed");
            return;
        }
        var r = ended.Result;
        EndPart(part, r.LoginFailure != null ? NodePartStates.Failed : NodePartStates.Finished, r.LoginFailure ?? r.Error, r.Summary);
    }

    private void EndPart(Part part, string state, string? error, RunSummary? summary = null)
    {
        part.Start.TrySetCanceled();
        part.Finished = new NodeFinished(part.Spec.RunId, _self, state, error,
            part.Results.Build(summary) with { StartAtUnixUs = part.StartAtUnixUs });
        _log.Info("run {0}: this node's part {1} ({2} ops){3}", part.Spec.RunId, state, part.Finished.Result.Total,
            error == null ? "" : ": " + error);
        _coordinator.Tell(part.Finished);
    }

    private void OnFetch(FetchWorkload fetch)
    {
        var sender = Sender;
        if (!WorkloadBundles.IsDigest(fetch.Digest) || !_offers.TryGetValue(fetch.Digest, out var path))
        {
            sender.Tell(new WorkloadUnavailable(fetch.Digest, "this node did not take a run with that workload"));
            return;
        }
        var bundles = _bundles;
        var dir = _options.BundlesDir;
        Task.Run(() =>
        {
            var (bundle, sha) = bundles.GetOrAdd(fetch.Digest, d => WorkloadBundles.Bundle(path, d, dir));
            var length = new FileInfo(bundle).Length;
            return (object)new WorkloadChunk(fetch.Digest, fetch.Offset, length, sha, WorkloadBundles.ReadChunk(bundle, fetch.Offset));
        }).ContinueWith(t => t.IsCompletedSuccessfully
            ? t.Result
            : new WorkloadUnavailable(fetch.Digest, t.Exception?.GetBaseException().Message ?? "failed"), TaskScheduler.Default).PipeTo(sender);
    }

    protected override void PostStop()
    {
        foreach (var part in _parts.Values)
        {
            part.Cancel.Cancel();
            part.Start.TrySetCanceled();
        }
    }

    private sealed class Progress(Action<ReplayProgress> report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report(value);
    }
}
