using Akka.Actor;
using Akka.Event;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using static SMBench.Actors.Clients.ClientProtocol;

namespace SMBench.Actors.Clients;

/// <summary>
/// One simulated user: owns its backend session, runs its ops in timeline order with at most N in flight, maps
/// handle_refs to live handles and holds ops until the open they depend on has finished. Backend calls that do not
/// complete synchronously are piped back to the mailbox, so it never blocks and a break can always get in.
/// </summary>
public sealed class ClientActor : ReceiveActor, IWithTimers
{
    public ITimerScheduler Timers { get; set; } = null!;
    private readonly string _clientId;
    private readonly RunContext _run;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Queue<PendingOp> _queue = new();
    // A list, not a set: at most MaxInFlightPerClient entries, and hashing a PendingOp by identity takes the
    // runtime's slow path (a sync block per object), which was ~6 % of an engine-throughput profile.
    private readonly List<PendingOp> _inFlight = [];
    private readonly HandleTable _handles = new();
    private IClientSession? _session;
    private string? _loginError;
    private bool _stopping;
    private long _reconnectsSeen;

    public ClientActor(string clientId, RunContext run, string? failedReason = null)
    {
        _clientId = clientId;
        _run = run;
        _loginError = failedReason;
        Receive<Execute>(e => Enqueue(e));
        Receive<ExecuteBatch>(b =>
        {
            foreach (var e in b.Ops) _queue.Enqueue(new PendingOp(e.Op, e.DueUs));
            Pump();
        });
        Receive<OpFinished>(f => Finish(f.Pending, f.Outcome, f.Error));
        Receive<HoldHandles>(h =>
        {
            foreach (var entry in _handles.Matching(h.Handles)) entry.Held++;
        });
        Receive<ReleaseHandles>(r =>
        {
            foreach (var entry in _handles.Matching(r.Handles)) entry.Held = Math.Max(0, entry.Held - 1);
            Pump();
        });
        Receive<SessionOpened>(s =>
        {
            _session = s.Session;
            // Breaks only happen where oplocks and leases are requested: full mode.
            if (s.Session is IBreakSource breaks && _run.Mode == ReplayMode.Full)
                Context.ActorOf(OplockActor.Props(breaks, _run, _clientId), "oplock");
            Context.Parent.Tell(new ClientReady(_clientId, true, null));
            Pump();
        });
        Receive<Connect>(_ => StartConnect());
        Receive<SessionFailed>(f =>
        {
            // An unreachable target is retried with backoff; a login failure is final for this client (retrying a
            // wrong password only locks the account): its ops fail fast with the reason, the run goes on.
            if (f.Error is not BackendLoginException && !_run.Stopping.IsCancellationRequested
                && ++_connectAttempts < MaxConnectAttempts)
            {
                Timers.StartSingleTimer("connect", new Connect(), Backoff(_connectAttempts));
                return;
            }
            _loginError = Describe(f.Error);
            _log.Warning("client {0} could not connect: {1}", _clientId, _loginError);
            Context.Parent.Tell(new ClientReady(_clientId, false, _loginError));
            Pump();
        });
        Receive<StopClient>(_ =>
        {
            _stopping = true;
            Pump();
        });
    }

    public static Props Props(string clientId, RunContext run, string? failedReason = null) =>
        // Not the expression form: that compiles a delegate per argument, per actor — thousands of clients per run.
        Akka.Actor.Props.Create<ClientActor>(clientId, run, failedReason!);

    private const int MaxConnectAttempts = 4;
    private int _connectAttempts;

    protected override void PreStart()
    {
        if (_loginError == null) StartConnect();
    }

    protected override void PostRestart(Exception reason)
    {
        // A restart after an unexpected fault reconnects after a pause that grows with every restart of this client.
        var restarts = _run.CountRestart(_clientId);
        Timers.StartSingleTimer("connect", new Connect(), Backoff(restarts));
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(10_000, 100 * (1 << Math.Min(attempt, 10))));

    private void StartConnect()
    {
        _run.Backend.OpenClientAsync(_clientId, _run.Stopping)
            .PipeTo(Self, success: s => new SessionOpened(s), failure: e => new SessionFailed(e));
    }

    private void Enqueue(Execute e)
    {
        _queue.Enqueue(new PendingOp(e.Op, e.DueUs));
        Pump();
    }

    /// <summary>Issues queued ops from the head while their dependencies allow and the in-flight bound holds.</summary>
    private void Pump()
    {
        while (_queue.Count > 0)
        {
            if (_stopping)
            {
                // Never issued: no journal record, but the slot goes back and the run counts it as not run.
                _queue.Dequeue();
                _run.NotIssued();
                continue;
            }
            if (_session == null && _loginError == null) return;
            if (_inFlight.Count >= _run.MaxInFlightPerClient) return;
            var head = _queue.Peek();
            if (_loginError != null)
            {
                _queue.Dequeue();
                FailWithoutIssuing(head, ReplayStatus.LoginFailed, _loginError);
                continue;
            }
            var handleRef = head.Op.HandleRef;
            object? handle = null;
            if (handleRef != null && head.Op is not OpenOp)
            {
                var entry = _handles.Get(handleRef);
                if (entry is { State: HandleTable.State.Opening } or { Held: > 0 }) return;
                if (entry is not { State: HandleTable.State.Open })
                {
                    _queue.Dequeue();
                    FailWithoutIssuing(head, ReplayStatus.DependencyFailed, entry switch
                    {
                        { State: HandleTable.State.Failed } => $"open of {handleRef} failed: {entry.FailReason}",
                        { State: HandleTable.State.Closed } => $"{handleRef} was already closed",
                        _ => $"{handleRef} was never opened",
                    });
                    continue;
                }
                if (head.Op is CloseOp && entry.InFlight > 0) return;
                entry.InFlight++;
                handle = entry.Handle;
            }
            else if (head.Op is OpenOp open)
            {
                _handles.Opening(open.Handle);
            }
            _queue.Dequeue();
            Issue(head, handle);
        }
    }

    private void Issue(PendingOp p, object? handle)
    {
        _inFlight.Add(p);
        p.IssuedUs = _run.Clock.NowUs;
        ValueTask<OpOutcome> call;
        try
        {
            call = _session!.ExecuteAsync(p.Op, handle, _run.Stopping);
        }
        catch (Exception e)
        {
            Finish(p, default, e);
            return;
        }
        if (call.IsCompletedSuccessfully)
        {
            Finish(p, call.Result, null);
            return;
        }
        call.AsTask().PipeTo(Self, success: o => new OpFinished(p, o, null), failure: e => new OpFinished(p, default, e));
    }

    private void Finish(PendingOp pending, OpOutcome result, Exception? error)
    {
        var at = _inFlight.Count - 1;
        while (at >= 0 && !ReferenceEquals(_inFlight[at], pending)) at--;
        if (at < 0) return;
        _inFlight.RemoveAt(at);
        var op = pending.Op;
        var outcome = error == null ? result : FromException(error);
        if (op.HandleRef is { } handleRef)
        {
            if (op is OpenOp)
            {
                if (StatusText.IsSuccess(outcome.Status)) _handles.Opened(handleRef, outcome.Handle);
                else _handles.OpenFailed(handleRef, outcome.Error ?? outcome.Status);
            }
            else
            {
                var entry = _handles.Get(handleRef);
                if (entry != null) entry.InFlight--;
                if (op is CloseOp) _handles.Closed(handleRef);
            }
        }
        Record(pending, outcome, _run.Clock.NowUs);
        if (_session is IReconnectingSession r && r.Reconnects != _reconnectsSeen)
        {
            for (; _reconnectsSeen < r.Reconnects; _reconnectsSeen++) _run.CountReconnect();
        }
        Pump();
    }

    private void FailWithoutIssuing(PendingOp p, string status, string reason)
    {
        var now = _run.Clock.NowUs;
        p.IssuedUs = now;
        Record(p, new OpOutcome(status, Error: reason), now);
    }

    private void Record(PendingOp p, OpOutcome outcome, long completedUs)
    {
        var op = p.Op;
        _run.Complete(new OpResult
        {
            OpId = op.OpId,
            ClientId = _clientId,
            Type = op.Type,
            DueUs = p.DueUs,
            IssuedUs = p.IssuedUs,
            CompletedUs = completedUs,
            Status = outcome.Status,
            Bytes = outcome.Bytes,
            Error = outcome.Error,
            ExpectedStatus = _run.Mode == ReplayMode.Mvp ? null : op.Expected?.Status,
            Path = op.PrimaryPath,
            Node = _run.Node,
        });
    }

    private static OpOutcome FromException(Exception e) => e switch
    {
        OperationCanceledException => new OpOutcome(ReplayStatus.Cancelled, Error: "the run was stopped"),
        BackendRefusedException r => new OpOutcome(r.Status, Error: r.Message),
        _ => new OpOutcome(ReplayStatus.BackendError, Error: Describe(e)),
    };

    private static string Describe(Exception e) => e is AggregateException { InnerException: { } inner }
        ? Describe(inner)
        : $"{e.GetType().Name}: {e.Message}";

    protected override void PostStop()
    {
        // Whatever is left still gets its one record, so the journal and the gate stay exact.
        _stopping = true;
        foreach (var p in _inFlight.ToList()) Finish(p, default, new OperationCanceledException());
        while (_queue.Count > 0)
        {
            _queue.Dequeue();
            _run.NotIssued();
        }
        var session = _session;
        _session = null;
        if (session != null) _ = session.DisposeAsync().AsTask();
    }
}
