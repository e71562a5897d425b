using System.Threading.Channels;
using SMBench.Actors.Backends;
using SMBench.Core.Results;

namespace SMBench.Actors.Runs;

/// <summary>
/// What every actor of one run shares: the clock, the backend, the results channel and the in-flight gate.
/// Created by the coordinator; local to this node.
/// </summary>
public sealed class RunContext
{
    public RunContext(string runId, IReplayBackend backend, ReplayMode mode, int maxInFlightPerClient, InFlightGate gate,
        ChannelWriter<OpResult> results, string? node = null)
    {
        RunId = runId;
        Backend = backend;
        Mode = mode;
        MaxInFlightPerClient = Math.Max(1, maxInFlightPerClient);
        Gate = gate;
        Results = results;
        Node = node;
    }

    public string RunId { get; }
    public IReplayBackend Backend { get; }
    public ReplayMode Mode { get; }
    public int MaxInFlightPerClient { get; }
    public InFlightGate Gate { get; }
    public ChannelWriter<OpResult> Results { get; }
    public string? Node { get; }

    /// <summary>Started once, when every client is connected and the timeline is primed.</summary>
    public RunClock Clock { get; } = RunClock.Unstarted();

    private readonly CancellationTokenSource _stop = new();
    public CancellationToken Stopping => _stop.Token;
    public void Stop() => _stop.Cancel();

    /// <summary>client_id → its actor; the router keeps it current when it replaces a stopped client.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Akka.Actor.IActorRef> Clients { get; } = new(StringComparer.Ordinal);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _restarts = new(StringComparer.Ordinal);

    /// <summary>Counts a supervised restart of a client (for its reconnect backoff).</summary>
    public int CountRestart(string clientId) => _restarts.AddOrUpdate(clientId, 1, (_, n) => n + 1);

    /// <summary>Where each break and its answer are recorded (results/breaks.jsonl); null when not journaling.</summary>
    public BreakJournal? BreakJournal { get; init; }

    private long _breaksReceived, _breaksAcked, _ackTicksTotal;

    public long BreaksReceived => Interlocked.Read(ref _breaksReceived);
    public long BreaksAcked => Interlocked.Read(ref _breaksAcked);
    /// <summary>Mean time from a break's arrival to its answer being sent, in ms.</summary>
    public double MeanAckLatencyMs => BreaksAcked == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _ackTicksTotal) / BreaksAcked).TotalMilliseconds;

    public void CountBreakReceived() => Interlocked.Increment(ref _breaksReceived);

    public void CountBreakAcked(TimeSpan latency)
    {
        Interlocked.Increment(ref _breaksAcked);
        Interlocked.Add(ref _ackTicksTotal, latency.Ticks);
    }

    private long _reconnects;
    public long Reconnects => Interlocked.Read(ref _reconnects);
    public void CountReconnect() => Interlocked.Increment(ref _reconnects);

    private long _notIssued;
    /// <summary>Ops dropped unissued because the run stopped: released to a client, or still held by the timeline.</summary>
    public long NotIssuedCount => Interlocked.Read(ref _notIssued);

    public void NotIssued()
    {
        Interlocked.Increment(ref _notIssued);
        Gate.Release();
    }

    /// <summary>Ops the timeline held when the run stopped: never released (no gate slots), counted as not run.</summary>
    public void NotReleased(int count) => Interlocked.Add(ref _notIssued, count);

    /// <summary>Reports a finished op: one journal record; its gate slot comes back once the record is journaled.</summary>
    public void Complete(OpResult result) => Results.TryWrite(result);
}
