using Akka.Actor;
using Akka.Event;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using static SMBench.Actors.Clients.ClientRouterProtocol;

namespace SMBench.Actors.Clients;

/// <summary>
/// Parent and supervisor of a run's ClientActors. It creates them up front (connections and logins happen before
/// the timeline starts, so connect time never shows up as lateness) and then steps aside: dispatch talks to the
/// clients directly.
/// </summary>
public sealed class ClientRouter : ReceiveActor
{
    private readonly RunContext _run;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<IActorRef, string> _ids = [];
    private readonly Dictionary<string, string> _lastFault = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private IActorRef? _requester;

    public ClientRouter(RunContext run)
    {
        _run = run;
        Receive<CreateClients>(c =>
        {
            _requester = Sender;
            var index = 0;
            foreach (var id in c.ClientIds.Distinct(StringComparer.Ordinal))
            {
                var child = Context.ActorOf(ClientActor.Props(id, _run), $"client-{index++}");
                Context.Watch(child);
                _ids[child] = id;
                _run.Clients[id] = child;
                _pending.Add(id);
            }
            ReplyWhenReady();
        });
        Receive<ClientProtocol.ClientReady>(r =>
        {
            _pending.Remove(r.ClientId);
            if (!r.Connected) _failed[r.ClientId] = r.Error ?? "unknown error";
            ReplyWhenReady();
        });
        Receive<Terminated>(t =>
        {
            // A client stopped by supervision is replaced by one that fails its ops fast with the reason, so no op
            // sent to it later is lost (and the run's in-flight accounting stays exact).
            if (!_ids.Remove(t.ActorRef, out var id)) return;
            var reason = _lastFault.GetValueOrDefault(id) ?? "the client stopped";
            var replacement = Context.ActorOf(ClientActor.Props(id, _run, reason), $"failed-{t.ActorRef.Path.Name}");
            _run.Clients[id] = replacement;
            if (_pending.Remove(id)) _failed[id] = reason;
            ReplyWhenReady();
        });
        Receive<StopAll>(_ =>
        {
            foreach (var child in Context.GetChildren()) child.Tell(new ClientProtocol.StopClient());
        });
    }

    public static Props Props(RunContext run) => Akka.Actor.Props.Create(() => new ClientRouter(run));

    private void ReplyWhenReady()
    {
        if (_pending.Count > 0 || _requester == null) return;
        _requester.Tell(new ClientsReady(_run.Clients, new Dictionary<string, string>(_failed)));
        _requester = null;
    }

    /// <summary>
    /// Login failures are handled inside the client (its ops fail fast), so what escapes here is unexpected:
    /// a login exception stops the client for good (retrying a wrong password only locks the account); anything
    /// else restarts it — a fresh session — after its pending ops were recorded as failed in PostStop. Restarts are
    /// capped so a client that fails in a loop is stopped instead of spinning.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(
        maxNrOfRetries: 5,
        withinTimeRange: TimeSpan.FromMinutes(1),
        localOnlyDecider: e =>
        {
            var cause = e is ActorInitializationException { InnerException: { } inner } ? inner : e;
            _log.Warning(cause, "client actor failed");
            if (Sender is { } child && _ids.TryGetValue(child, out var id)) _lastFault[id] = $"{cause.GetType().Name}: {cause.Message}";
            return cause is BackendLoginException ? Directive.Stop : Directive.Restart;
        });
}
