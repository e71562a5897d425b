using System.Threading.Channels;
using Akka.Actor;
using Akka.Event;
using SMBench.Actors.Clients;
using SMBench.Core.Results;
using static SMBench.Actors.Runs.ReplayCoordinatorProtocol;

namespace SMBench.Actors.Runs;

/// <summary>
/// One run from start to summary: connects every client (through the <see cref="ClientRouter"/>), starts the
/// timeline at a common time zero, then drains — timeline released everything, every in-flight op finished, every
/// result journaled — and writes <c>summary.json</c>. Stopping takes the same path, so a stopped run still has exactly
/// one journal record per issued op.
/// </summary>
public sealed class ReplayCoordinator : ReceiveActor
{
    public const string SummaryFileName = "summary.json";
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private RunPlan? _plan;
    private RunContext? _run;
    private IActorRef? _requester;
    private IActorRef? _router;
    private Channel<OpResult>? _results;
    private ResultsJournal? _journal;
    private LiveSummary? _live;
    private PipelineRun? _pipeline;
    private string _state = "connecting";
    private string? _loginFailure;
    private string? _error;
    private DateTimeOffset _startedAt;
    private CancellationTokenSource? _barrier;
    /// <summary>Runs of this process past time zero: a forced collection would land inside their timed window.</summary>
    private static int _timedRuns;
    private bool _counted;

    public ReplayCoordinator()
    {
        Receive<StartRun>(Start);
        Receive<ClientRouterProtocol.ClientsReady>(OnClientsReady);
        Receive<Primed>(_ =>
        {
            if (Volatile.Read(ref _timedRuns) == 0) SettleHeap();
            Interlocked.Increment(ref _timedRuns);
            _counted = true;
            if (_plan!.StartBarrier is { } barrier)
            {
                // Cluster run: wait for the instant every node starts at.
                _barrier = new CancellationTokenSource();
                barrier(_barrier.Token).ContinueWith(t => new StartInstant(t.IsCompletedSuccessfully ? t.Result : null), TaskScheduler.Default)
                    .PipeTo(Self);
                return;
            }
            // Time zero: everything is connected and the first op is parsed and waiting.
            _run!.Clock.StartIn(_plan.StartLead);
            _pipeline!.Begin();
        });
        Receive<StartInstant>(s =>
        {
            if (_state is "stopped" or "failed") return;
            if (s.At == null)
            {
                // The barrier was cancelled or failed: this node must not start on its own.
                Stop("the cluster start barrier was cancelled or failed");
                return;
            }
            var delay = s.At is { } at ? at - DateTimeOffset.UtcNow : TimeSpan.Zero;
            _run!.Clock.StartIn(delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            _pipeline!.Begin();
        });
        Receive<TimelineDone>(t =>
        {
            if (t.Error != null && _state != "stopped") Fail($"the timeline failed: {t.Error.Message}");
            _state = _state == "running" ? "draining" : _state;
            _run!.Gate.WhenDrainedAsync().PipeTo(Self, success: () => new Drained());
        });
        Receive<Drained>(_ => FinishResults());
        Receive<ResultsWritten>(r =>
        {
            if (r.Error != null) Fail($"writing results failed: {r.Error.Message}");
            Complete();
        });
        Receive<StopRun>(s => Stop(s.Reason));
        Receive<GetProgress>(_ => Sender.Tell(Progress()));
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new ReplayCoordinator());

    private void Start(StartRun start)
    {
        if (_plan != null)
        {
            Sender.Tell(new Status.Failure(new InvalidOperationException("this coordinator already runs a replay")));
            return;
        }
        _plan = start.Plan;
        _requester = Sender;
        _startedAt = DateTimeOffset.UtcNow;
        _results = Channel.CreateUnbounded<OpResult>(new UnboundedChannelOptions { SingleReader = true });
        _journal = new ResultsJournal(_plan.ResultsDir);
        _live = new LiveSummary(_plan.SummaryTemplate with { RunId = _plan.RunId, StartedAt = _startedAt }, _plan.Observer);
        _run = new RunContext(_plan.RunId, _plan.Backend, _plan.Mode, _plan.MaxInFlightPerClient,
            new InFlightGate(_plan.InFlightLimit), _results.Writer, _plan.Node)
        {
            BreakJournal = new BreakJournal(_plan.ResultsDir),
        };
        _router = Context.ActorOf(ClientRouter.Props(_run), "clients");
        _router.Tell(new ClientRouterProtocol.CreateClients(_plan.ClientIds));
        _log.Info("run {0}: connecting {1} clients", _plan.RunId, _plan.ClientIds.Count);
    }

    private void OnClientsReady(ClientRouterProtocol.ClientsReady ready)
    {
        if (ready.Clients.Count > 0 && ready.Failed.Count == ready.Clients.Count)
        {
            _loginFailure = ready.Failed.First().Value;
            Fail($"no client could connect or log in: {_loginFailure}");
        }
        if (_state is "stopped" or "failed")
        {
            FinishResults();
            return;
        }
        _state = "running";
        _pipeline = _plan!.Pipeline.Start(_run!, ready.Clients, _results!.Reader, _journal!, _live!);
        _pipeline.Timeline.ContinueWith(t => new TimelineDone(t.Exception?.GetBaseException()), TaskScheduler.Default)
            .PipeTo(Self);
        _pipeline.Primed.ContinueWith(_ => new Primed(), TaskScheduler.Default).PipeTo(Self);
        _log.Info("run {0}: {1} clients connected ({2} failed), timeline started", _plan.RunId,
            ready.Clients.Count - ready.Failed.Count, ready.Failed.Count);
    }

    /// <summary>
    /// Everything the run just set up (an actor, mailbox and handle table per client, connections, the first parsed
    /// ops) is young, and the first collection inside the timed window would copy all of it: a 30 ms pause at 5,000
    /// clients, felt as lateness by every op due meanwhile. Two full collections before time zero move it to the
    /// oldest generation, so collections during the replay only see the ops in flight. Skipped while another run of
    /// this process is past its time zero.
    /// </summary>
    private static void SettleHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private void FinishResults()
    {
        _results!.Writer.TryComplete();
        var written = _pipeline?.ResultsWritten ?? Task.CompletedTask;
        written.ContinueWith(t => new ResultsWritten(t.Exception?.GetBaseException()), TaskScheduler.Default).PipeTo(Self);
    }

    private void Stop(string reason)
    {
        if (_state is "completed" or "stopped" or "failed") return;
        _log.Info("run {0}: stopping ({1})", _plan?.RunId, reason);
        _state = "stopped";
        _error ??= reason;
        _barrier?.Cancel();
        _run?.Stop();
        _pipeline?.Cancel();
        _router?.Tell(new ClientRouterProtocol.StopAll());
    }

    private void Fail(string error)
    {
        _log.Error("run {0}: {1}", _plan?.RunId, error);
        _error ??= error;
        if (_state != "stopped") _state = "failed";
        _barrier?.Cancel();
        _run?.Stop();
        _pipeline?.Cancel();
        _router?.Tell(new ClientRouterProtocol.StopAll());
    }

    private void Complete()
    {
        if (_state is "running" or "draining" or "connecting") _state = "completed";
        _journal!.Dispose();
        _run?.BreakJournal?.Dispose();
        var summary = Snapshot() with { EndedAt = DateTimeOffset.UtcNow };
        File.WriteAllText(Path.Combine(_plan!.ResultsDir, SummaryFileName), summary.ToJson());
        _requester?.Tell(new RunFinished(summary, _loginFailure, _error));
        Context.Stop(Self);
    }

    private RunSummary Snapshot()
    {
        if (_run != null)
            _live!.Update(b =>
            {
                b.BreaksReceived = _run.BreaksReceived;
                b.BreaksAcked = _run.BreaksAcked;
                b.BreaksExpected = _plan!.BreaksExpected;
                b.Reconnects = _run.Reconnects;
                b.MeanAckLatencyMs = _run.MeanAckLatencyMs;
            });
        var summary = _live!.Snapshot(opsNotRun: _run?.NotIssuedCount ?? 0);
        return summary with { State = _state, Error = _error };
    }

    private RunProgress Progress() => new(_plan?.RunId ?? "", _state, _pipeline?.Released() ?? 0,
        _live?.Completed ?? 0, _live?.Failed ?? 0, _live == null ? new RunSummary() : Snapshot());

    protected override void PostStop()
    {
        if (_counted) Interlocked.Decrement(ref _timedRuns);
        // If the actor dies before finishing, the journal still gets what was buffered.
        _barrier?.Dispose();
        _run?.Stop();
        if (_state is not ("completed" or "stopped" or "failed"))
        {
            // Ends the reader and journal threads of a run that did not finish normally.
            _pipeline?.Cancel();
            _results?.Writer.TryComplete();
        }
        _journal?.Dispose();
        _run?.BreakJournal?.Dispose();
    }
}
