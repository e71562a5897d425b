using System.Threading.Channels;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using SMBench.Core.Ir;
using SMBench.Core.Results;

namespace SMBench.Actors.Tests.Clients;

/// <summary>A RunContext with a readable results channel, for driving ClientActors directly.</summary>
internal sealed class RunHarness
{
    private readonly Channel<OpResult> _results = Channel.CreateUnbounded<OpResult>();

    public RunHarness(IReplayBackend backend, int maxInFlight = 1)
    {
        Context = new RunContext("test", backend, ReplayMode.Mvp, maxInFlight, new InFlightGate(10_000), _results.Writer);
        Context.Clock.StartIn(TimeSpan.Zero);
    }

    public RunContext Context { get; }

    public async Task<OpResult> NextResultAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _results.Reader.ReadAsync(timeout.Token);
    }

    public bool TryGetResult(out OpResult? result) => _results.Reader.TryRead(out result);

    public static OpenOp Open(string id, string handle, string path = "f.txt", OpenMode mode = OpenMode.ReadWrite) =>
        new() { OpId = id, ClientId = "c1", TimestampUs = 0, Path = path, Mode = mode, Handle = handle };

    public static ReadOp Read(string id, string handle) =>
        new() { OpId = id, ClientId = "c1", TimestampUs = 0, Handle = handle, Offset = 0, Length = 10 };

    public static CloseOp Close(string id, string handle) =>
        new() { OpId = id, ClientId = "c1", TimestampUs = 0, Handle = handle };
}
