using SMBench.Core.Ir;
using SMBench.Core.Results;

namespace SMBench.Actors.Backends;

/// <summary>
/// Does no I/O: every op succeeds at once (or after a fixed latency), reads report their length. Used to measure
/// the engine itself (timing, dispatch, journal) without a server in the way.
/// </summary>
public sealed class NullBackend(TimeSpan latency = default) : IReplayBackend
{
    private static readonly BackendCapabilities AllCapabilities = new(
        new HashSet<ReplayMode> { ReplayMode.Mvp, ReplayMode.Realistic, ReplayMode.Full },
        OpTypes.All.ToHashSet());

    public string Name => "null";
    public BackendCapabilities Capabilities => AllCapabilities;
    public TimeSpan Latency { get; } = latency;

    public Task<IClientSession> OpenClientAsync(string clientId, CancellationToken cancellationToken)
        => Task.FromResult<IClientSession>(new Session(this));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(NullBackend owner) : IClientSession
    {
        private static readonly object Handle = new();

        public ValueTask<OpOutcome> ExecuteAsync(IrOperation op, object? handle, CancellationToken cancellationToken)
        {
            var outcome = new OpOutcome(StatusText.Success, op switch
            {
                ReadOp r => r.Length,
                WriteOp w => w.Length,
                _ => 0,
            }, op is OpenOp ? Handle : null);
            if (owner.Latency <= TimeSpan.Zero) return ValueTask.FromResult(outcome);
            return Delayed(outcome, cancellationToken);
        }

        private async ValueTask<OpOutcome> Delayed(OpOutcome outcome, CancellationToken ct)
        {
            await Task.Delay(owner.Latency, ct).ConfigureAwait(false);
            return outcome;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
