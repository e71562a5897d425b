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
public sealed class ClientDispatcher(RunContext run, IReadOnlyDictionary<string, IActorRef> clients)
{
    private long _released;

    public long Released => Interlocked.Read(ref _released);

    public async Task<int> DispatchAsync(IReadOnlyList<ScheduledOp> batch)
    {
        await run.Gate.AcquireAsync(batch.Count).ConfigureAwait(false);
        Interlocked.Add(ref _released, batch.Count);
        if (batch.Count == 1)
        {
            Send(batch[0].Op.ClientId, new ClientProtocol.Execute(batch[0].Op, batch[0].DueUs));
            return 1;
        }
        foreach (var group in batch.GroupBy(s => s.Op.ClientId, StringComparer.Ordinal))
        {
            var ops = group.Select(s => new ClientProtocol.Execute(s.Op, s.DueUs)).ToList();
            Send(group.Key, ops.Count == 1 ? ops[0] : new ClientProtocol.ExecuteBatch(ops));
        }
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
