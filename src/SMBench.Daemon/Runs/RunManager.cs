using Akka.Actor;
using Akka.Event;
using SMBench.Actors.Runs;
using SMBench.Daemon.Metrics;
using SMBench.Streams.Runs;
using static SMBench.Daemon.Runs.RunManagerProtocol;

namespace SMBench.Daemon.Runs;

/// <summary>
/// The daemon's runs: a queue, at most <see cref="RunManagerOptions.MaxConcurrentRuns"/> executing, and the record of
/// every run (including those of earlier daemon lives found under the data dir). A run goes
/// queued → running → completed | stopped | failed. Replays execute through <see cref="ReplayRunner"/>; stopping
/// cancels its token, so the coordinator drains and the journal keeps exactly one record per issued op.
/// </summary>
public sealed class RunManager : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly RunManagerOptions _options;
    private readonly DaemonMetrics? _metrics;
    private readonly Dictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);
    private readonly LinkedList<Submit> _queue = new();
    private readonly List<IActorRef> _stopAllWaiters = [];
    private readonly Dictionary<string, (DateTime At, RunRecord Record)> _liveCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IActorRef>> _liveWaiters = new(StringComparer.Ordinal);
    // Runs whose coordinator has reported progress, i.e. exists: before that (preflight, connecting) nobody can answer.
    private readonly HashSet<string> _reporting = new(StringComparer.Ordinal);
    private string? _shutdownReason;

    private sealed record ActiveRun(Submit Job, CancellationTokenSource Cancel);

    public RunManager(RunManagerOptions options, DaemonMetrics? metrics)
    {
        _options = options;
        _metrics = metrics;
        Receive<Submit>(OnSubmit);
        Receive<ListRuns>(_ => Sender.Tell(new RunList(_runs.Values.OrderByDescending(r => r.SubmittedAt).ToList())));
        Receive<GetRun>(OnGetRun);
        Receive<StopRun>(OnStop);
        Receive<StopAll>(OnStopAll);
        Receive<ProgressUpdate>(OnProgress);
        Receive<LiveSummaryArrived>(OnLiveSummary);
        Receive<RunEnded>(OnEnded);
    }

    public static Props Props(RunManagerOptions options, DaemonMetrics? metrics = null)
        => Akka.Actor.Props.Create(() => new RunManager(options, metrics));

    protected override void PreStart()
    {
        foreach (var record in RunHistory.Load(_options.RunsDir)) _runs[record.Id] = record;
        if (_runs.Count > 0) _log.Info("found {0} earlier runs under {1}", _runs.Count, _options.RunsDir);
        PublishStates();
    }

    private void OnSubmit(Submit job)
    {
        var request = job.Request;
        if (_shutdownReason != null || _runs.ContainsKey(request.RunId))
        {
            Sender.Tell(new Status.Failure(new InvalidOperationException(_shutdownReason != null
                ? "the daemon is shutting down and takes no new runs"
                : $"a run with id '{request.RunId}' already exists")));
            return;
        }
        _runs[request.RunId] = new RunRecord
        {
            Id = request.RunId, State = RunStates.Queued, Workload = request.WorkloadPath, Target = request.Target,
            Backend = request.Backend.Name, Mode = ReplayRunner.Name(request.Mode), TimeScale = request.TimeScale,
            SubmittedAt = DateTimeOffset.UtcNow, ResultsDir = request.ResultsDir,
            Progress = new RunProgressInfo { Total = job.OpsTotal, Clients = job.Clients },
        };
        _queue.AddLast(job);
        _log.Info("run {0} queued: {1} ({2} ops, {3} clients, backend {4})", request.RunId, request.WorkloadPath,
            job.OpsTotal, job.Clients, request.Backend.Name);
        StartQueued();
        Sender.Tell(_runs[request.RunId]);
    }

    private void StartQueued()
    {
        while (_active.Count < Math.Max(1, _options.MaxConcurrentRuns) && _queue.First is { } next)
        {
            _queue.RemoveFirst();
            Start(next.Value);
        }
        PublishStates();
    }

    private void Start(Submit job)
    {
        var id = job.Request.RunId;
        var cancel = new CancellationTokenSource();
        _active[id] = new ActiveRun(job, cancel);
        _runs[id] = _runs[id] with { State = RunStates.Running, StartedAt = DateTimeOffset.UtcNow };
        var self = Self;
        var progress = new ProgressRelay(p => self.Tell(new ProgressUpdate(id, p)));
        var system = Context.System;
        // Preflight reads the whole workload: keep it (and everything else of the run) off this mailbox.
        Task.Run(() => ReplayRunner.RunAsync(system, job.Request, progress, cancel.Token), CancellationToken.None)
            .ContinueWith(t => t.IsCompletedSuccessfully
                ? new RunEnded(id, t.Result.Summary, t.Result.Error, t.Result.LoginFailure)
                : new RunEnded(id, null, t.Exception?.GetBaseException().Message ?? "the run was cancelled before it started", null),
                TaskScheduler.Default)
            .PipeTo(self);
        _log.Info("run {0} started", id);
    }

    private void OnGetRun(GetRun get)
    {
        if (!_runs.TryGetValue(get.Id, out var record))
        {
            Sender.Tell(new NotFound(get.Id));
            return;
        }
        if (!_active.ContainsKey(get.Id) || !_reporting.Contains(get.Id))
        {
            Sender.Tell(record);
            return;
        }
        // Running: add the coordinator's summary so far. One request to the coordinator serves every status request
        // that arrives while it is out, and its answer is reused for LiveSummaryMaxAge.
        if (_liveCache.TryGetValue(get.Id, out var cached) && DateTime.UtcNow - cached.At < _options.LiveSummaryMaxAge)
        {
            Sender.Tell(cached.Record);
            return;
        }
        if (_liveWaiters.TryGetValue(get.Id, out var waiters))
        {
            waiters.Add(Sender);
            return;
        }
        _liveWaiters[get.Id] = [Sender];
        var id = get.Id;
        Context.System.ActorSelection($"/user/run-{id}")
            .Ask<ReplayCoordinatorProtocol.RunProgress>(new ReplayCoordinatorProtocol.GetProgress(), _options.StatusTimeout)
            .ContinueWith(t => new LiveSummaryArrived(id, t.IsCompletedSuccessfully ? t.Result : null), TaskScheduler.Default)
            .PipeTo(Self);
    }

    private void OnLiveSummary(LiveSummaryArrived arrived)
    {
        if (!_liveWaiters.Remove(arrived.Id, out var waiters)) return;
        var record = _runs[arrived.Id];
        // If the coordinator was busy, the last live summary (older than usual) answers; once the run ended, the record.
        if (arrived.Progress == null && _active.ContainsKey(arrived.Id) && _liveCache.TryGetValue(arrived.Id, out var stale))
            record = stale.Record;
        else if (arrived.Progress is { } p && _active.ContainsKey(arrived.Id))
        {
            record = record with
            {
                Summary = p.Summary,
                Progress = record.Progress with { Released = p.Released, Completed = p.Completed, Failed = p.Failed },
            };
            _liveCache[arrived.Id] = (DateTime.UtcNow, record);
        }
        foreach (var waiter in waiters) waiter.Tell(record);
    }

    private void OnStop(StopRun stop)
    {
        if (!_runs.TryGetValue(stop.Id, out var record))
        {
            Sender.Tell(new NotFound(stop.Id));
            return;
        }
        if (RunStates.IsTerminal(record.State))
        {
            Sender.Tell(new AlreadyEnded(record));
            return;
        }
        if (_active.TryGetValue(stop.Id, out var active))
        {
            _log.Info("run {0}: stop requested ({1})", stop.Id, stop.Reason);
            active.Cancel.Cancel();
            Sender.Tell(new StopAccepted(record));
            return;
        }
        OnStopQueued(_queue.First(j => j.Request.RunId == stop.Id), stop.Reason);
        Sender.Tell(new StopAccepted(_runs[stop.Id]));
    }

    private void OnStopAll(StopAll stop)
    {
        _shutdownReason = stop.Reason;
        foreach (var queued in _queue.ToList()) OnStopQueued(queued, stop.Reason);
        foreach (var active in _active.Values) active.Cancel.Cancel();
        if (_active.Count == 0)
        {
            Sender.Tell(new AllStopped(0));
            return;
        }
        _log.Info("stopping {0} running run(s): {1}", _active.Count, stop.Reason);
        _stopAllWaiters.Add(Sender);
    }

    private void OnStopQueued(Submit queued, string reason)
    {
        _queue.Remove(queued);
        _ = queued.Request.Backend.DisposeAsync().AsTask();
        var id = queued.Request.RunId;
        _runs[id] = _runs[id] with { State = RunStates.Stopped, EndedAt = DateTimeOffset.UtcNow, Error = reason };
        PublishStates();
    }

    private void OnProgress(ProgressUpdate update)
    {
        if (!_active.ContainsKey(update.Id)) return;
        _reporting.Add(update.Id);
        var p = update.Progress;
        var record = _runs[update.Id];
        _runs[update.Id] = record with
        {
            Progress = record.Progress with
            {
                Released = p.Released, Completed = p.Completed, Failed = p.Failed, ElapsedS = p.Elapsed.TotalSeconds,
            },
        };
        PublishLoad();
    }

    private void OnEnded(RunEnded ended)
    {
        if (!_active.Remove(ended.Id, out var active)) return;
        _liveCache.Remove(ended.Id);
        _reporting.Remove(ended.Id);
        _ = active.Job.Request.Backend.DisposeAsync().AsTask();
        var record = _runs[ended.Id];
        var state = ended switch
        {
            { LoginFailure: not null } => RunStates.Failed,
            { Summary.State: RunStates.Completed or RunStates.Stopped or RunStates.Failed } => ended.Summary.State,
            { Summary: null } when active.Cancel.IsCancellationRequested => RunStates.Stopped,
            _ => RunStates.Failed,
        };
        var summary = ended.Summary;
        _runs[ended.Id] = record with
        {
            State = state, EndedAt = DateTimeOffset.UtcNow, Summary = summary, Error = ended.LoginFailure ?? ended.Error,
            Progress = summary == null ? record.Progress : record.Progress with
            {
                Completed = summary.OpsTotal, Failed = summary.OpsFailed,
                Released = summary.OpsTotal, ElapsedS = summary.DurationS,
            },
        };
        active.Cancel.Dispose();
        if (summary != null) _metrics?.RunEnded(summary);
        _log.Info("run {0} {1}{2}", ended.Id, state, ended.Error is { } e ? $": {e}" : "");
        if (_active.Count == 0 && _stopAllWaiters.Count > 0)
        {
            foreach (var waiter in _stopAllWaiters) waiter.Tell(new AllStopped(1));
            _stopAllWaiters.Clear();
        }
        if (_shutdownReason == null) StartQueued();
        PublishStates();
        PublishLoad();
    }

    private void PublishStates()
    {
        if (_metrics == null) return;
        _metrics.SetRunStates(RunStates.All.ToDictionary(s => s, s => _runs.Values.Count(r => r.State == s)));
    }

    private void PublishLoad()
    {
        if (_metrics == null) return;
        long inFlight = 0;
        var clients = 0;
        foreach (var id in _active.Keys)
        {
            var p = _runs[id].Progress;
            inFlight += Math.Max(0, p.Released - p.Completed);
            clients += p.Clients;
        }
        _metrics.SetLoad(inFlight, clients);
    }

    protected override void PostStop()
    {
        // The actor system is going away: whatever still runs gets stopped so its journal is closed cleanly.
        foreach (var active in _active.Values) active.Cancel.Cancel();
    }

    private sealed class ProgressRelay(Action<ReplayProgress> report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report(value);
    }
}
