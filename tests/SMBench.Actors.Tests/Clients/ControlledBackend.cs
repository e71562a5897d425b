using System.Collections.Concurrent;
using SMBench.Actors.Backends;
using SMBench.Core.Ir;
using SMBench.Core.Results;

namespace SMBench.Actors.Tests.Clients;

/// <summary>
/// A backend whose op completions the test releases by hand, to observe ordering and dependency waits in the
/// ClientActor. (Real I/O is covered by the local/SMB backend tests.)
/// </summary>
internal sealed class ControlledBackend : IReplayBackend
{
    public ConcurrentQueue<(IrOperation Op, TaskCompletionSource<OpOutcome> Done)> Issued { get; } = new();
    public Func<string, int, Task<IClientSession>>? OnOpenClient { get; init; }
    public ConcurrentDictionary<string, int> ConnectAttempts { get; } = new();

    public string Name => "controlled";

    public BackendCapabilities Capabilities { get; } =
        new(new HashSet<ReplayMode> { ReplayMode.Mvp }, OpTypes.All.ToHashSet());

    public Task<IClientSession> OpenClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var attempt = ConnectAttempts.AddOrUpdate(clientId, 1, (_, n) => n + 1);
        return OnOpenClient?.Invoke(clientId, attempt) ?? Task.FromResult<IClientSession>(new Session(this));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static OpOutcome Success(object? handle = null) => new(StatusText.Success, Handle: handle);

    internal sealed class Session(ControlledBackend owner) : IClientSession
    {
        public ValueTask<OpOutcome> ExecuteAsync(IrOperation op, object? handle, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource<OpOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            owner.Issued.Enqueue((op, done));
            return new ValueTask<OpOutcome>(done.Task);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
