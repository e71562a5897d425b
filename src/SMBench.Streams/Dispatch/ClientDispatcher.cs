using Akka.Actor;
using SMBench.Actors.Clients;
using SMBench.Actors.Runs;
using SMBench.Core.Results;
using SMBench.Streams.Timing;

namespace SMBench.Streams.Dispatch;

/// <summary>
/// Hands released batches to the ClientActors, one message per client per batch. It first takes the batch's slots
/// in the run's <see cref="InFlightGate"/>: when clients fall behind, this await is where the timeline backpressures.
/// </summary>
/// <remarks>
/// Called by one stage (SelectAsync with parallelism 1), never concurrently, so the grouping scratch is reused:
/// at hundreds of thousands of ops/s a LINQ GroupBy per batch was a steady source of garbage.
/// </remarks>
public sealed class ClientDispatcher(RunContext run, IReadOnlyDictionary<string, IActorRef> clients)
{
    private readonly Dictionary<string, int> _groupOf = new(StringComparer.Ordinal);
    private readonly List<List<ClientProtocol.Execute>> _groups = [];
    private long _released;

    public long Released => Interlocked.Read(ref _released);

    public Task<int> DispatchAsync(IReadOnlyList<ScheduledOp> batch)
    {
        var slots = run.Gate.AcquireAsync(batch.Count);
        if (!slots.IsCompletedSuccessfully) return DispatchAfterAsync(slots, batch);
        return Task.FromResult(Dispatch(batch));
    }

    private async Task<int> DispatchAfterAsync(Task slots, IReadOnlyList<ScheduledOp> batch)
    {
        await slots.ConfigureAwait(false);
        return Dispatch(batch);
    }

    private int Dispatch(IReadOnlyList<ScheduledOp> batch)
    {
        Interlocked.Add(ref _released, batch.Count);
        if (batch.Count == 1)
        {
            Send(batch[0].Op.ClientId, new ClientProtocol.Execute(batch[0].Op, batch[0].DueUs));
            return 1;
        }
        var used = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var s = batch[i];
            if (!_groupOf.TryGetValue(s.Op.ClientId, out var g))
            {
                g = used++;
                _groupOf[s.Op.ClientId] = g;
                if (g == _groups.Count) _groups.Add([]);
            }
            _groups[g].Add(new ClientProtocol.Execute(s.Op, s.DueUs));
        }
        foreach (var (clientId, g) in _groupOf)
        {
            var ops = _groups[g];
            // The batch message keeps its own list: the actor reads it later, on another thread.
            Send(clientId, ops.Count == 1 ? ops[0] : new ClientProtocol.ExecuteBatch(ops.ToArray()));
            ops.Clear();
        }
        _groupOf.Clear();
        return batch.Count;
    }

    private void Send(string clientId, object message)
    {
        if (clients.TryGetValue(clientId, out var client))
        {
            client.Tell(message);
            return;
        }
        // The workload names a client the run did not connect (not in this node's share): record, don't lose.
        var ops = message is ClientProtocol.ExecuteBatch b ? b.Ops : [(ClientProtocol.Execute)message];
        var now = run.Clock.NowUs;
        foreach (var e in ops)
            run.Complete(new OpResult
            {
                OpId = e.Op.OpId, ClientId = clientId, Type = e.Op.Type, DueUs = e.DueUs, IssuedUs = now, CompletedUs = now,
                Status = ReplayStatus.BackendError, Error = $"client {clientId} has no session in this run",
            });
    }
}
