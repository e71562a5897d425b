using Akka.Actor;
using Akka.TestKit.Xunit2;
using SMBench.Actors.Clients;
using SMBench.Core.Results;
using Xunit;
using static SMBench.Actors.Clients.ClientProtocol;

namespace SMBench.Actors.Tests.Clients;

public sealed class ClientActorSpecs : TestKit
{
    [Fact]
    public async Task An_op_on_a_handle_waits_until_its_open_has_finished()
    {
        var backend = new ControlledBackend();
        var run = new RunHarness(backend, maxInFlight: 4);
        var client = Sys.ActorOf(ClientActor.Props("c1", run.Context));
        client.Tell(new Execute(RunHarness.Open("o1", "h1"), 0));
        client.Tell(new Execute(RunHarness.Read("r1", "h1"), 0));

        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 1));
        await Task.Delay(200);
        Assert.Single(backend.Issued); // the read is held although 4 ops may be in flight

        backend.Issued.TryDequeue(out var open);
        Assert.Equal("o1", open.Op.OpId);
        var handle = new object();
        open.Done.SetResult(ControlledBackend.Success(handle));
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 1));
        backend.Issued.TryDequeue(out var read);
        Assert.Equal("r1", read.Op.OpId);
        read.Done.SetResult(ControlledBackend.Success());

        Assert.Equal("o1", (await run.NextResultAsync()).OpId);
        var readResult = await run.NextResultAsync();
        Assert.Equal("r1", readResult.OpId);
        Assert.True(readResult.IssuedUs >= readResult.DueUs, "an op is never issued before it is due");
    }

    [Fact]
    public async Task A_failed_open_fails_its_dependent_ops_fast_and_the_client_goes_on()
    {
        var backend = new ControlledBackend();
        var run = new RunHarness(backend);
        var client = Sys.ActorOf(ClientActor.Props("c1", run.Context));
        client.Tell(new ExecuteBatch([
            new Execute(RunHarness.Open("o1", "h1"), 0), new Execute(RunHarness.Read("r1", "h1"), 0),
            new Execute(RunHarness.Close("c1", "h1"), 0), new Execute(RunHarness.Open("o2", "h2"), 0),
        ]));
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 1));
        backend.Issued.TryDequeue(out var open);
        open.Done.SetResult(new OpOutcomeBuilder("STATUS_OBJECT_NAME_NOT_FOUND").Build());

        var first = await run.NextResultAsync();
        Assert.Equal("STATUS_OBJECT_NAME_NOT_FOUND", first.Status);
        var read = await run.NextResultAsync();
        Assert.Equal(("r1", ReplayStatus.DependencyFailed), (read.OpId, read.Status));
        Assert.Contains("open of h1 failed", read.Error);
        var close = await run.NextResultAsync();
        Assert.Equal(("c1", ReplayStatus.DependencyFailed), (close.OpId, close.Status));

        // The next open is issued to the backend: the client was not stopped by the failure.
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 1));
        backend.Issued.TryDequeue(out var next);
        Assert.Equal("o2", next.Op.OpId);
    }

    [Fact]
    public async Task In_flight_ops_are_bounded_per_client()
    {
        var backend = new ControlledBackend();
        var run = new RunHarness(backend, maxInFlight: 2);
        var client = Sys.ActorOf(ClientActor.Props("c1", run.Context));
        for (var i = 0; i < 5; i++) client.Tell(new Execute(RunHarness.Open($"o{i}", $"h{i}"), 0));
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 2));
        await Task.Delay(200);
        Assert.Equal(2, backend.Issued.Count);
        backend.Issued.TryDequeue(out var first);
        first.Done.SetResult(ControlledBackend.Success());
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 2));
        Assert.Equal(new[] { "o1", "o2" }, backend.Issued.Select(i => i.Op.OpId).ToArray());
    }

    [Fact]
    public async Task A_close_waits_for_the_ops_still_running_on_its_handle()
    {
        var backend = new ControlledBackend();
        var run = new RunHarness(backend, maxInFlight: 4);
        var client = Sys.ActorOf(ClientActor.Props("c1", run.Context));
        client.Tell(new Execute(RunHarness.Open("o1", "h1"), 0));
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 1));
        backend.Issued.TryDequeue(out var open);
        open.Done.SetResult(ControlledBackend.Success(new object()));
        client.Tell(new Execute(RunHarness.Read("r1", "h1"), 0));
        client.Tell(new Execute(RunHarness.Close("c1", "h1"), 0));
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 1));
        await Task.Delay(200);
        Assert.Single(backend.Issued);
        backend.Issued.TryDequeue(out var read);
        read.Done.SetResult(ControlledBackend.Success());
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 1));
        backend.Issued.TryDequeue(out var close);
        Assert.Equal("c1", close.Op.OpId);
    }

    [Fact]
    public async Task Stopping_drops_unissued_ops_and_records_every_issued_one_exactly_once()
    {
        var backend = new ControlledBackend();
        var run = new RunHarness(backend);
        var client = Sys.ActorOf(ClientActor.Props("c1", run.Context));
        await run.Context.Gate.AcquireAsync(3); // as dispatch does
        for (var i = 0; i < 3; i++) client.Tell(new Execute(RunHarness.Open($"o{i}", $"h{i}"), 0));
        await AwaitConditionAsync(() => Task.FromResult(backend.Issued.Count == 1));
        client.Tell(new StopClient());
        await AwaitConditionAsync(() => Task.FromResult(run.Context.NotIssuedCount == 2));
        backend.Issued.TryDequeue(out var inFlight);
        inFlight.Done.SetResult(ControlledBackend.Success());
        var only = await run.NextResultAsync();
        Assert.Equal("o0", only.OpId);
        await Task.Delay(200);
        Assert.False(run.TryGetResult(out _));
        // The two dropped ops gave their slots back; the completed one returns its slot once journaled (no sink here).
        Assert.Equal(1, run.Context.Gate.InFlight);
    }
}

internal sealed record OpOutcomeBuilder(string Status)
{
    public SMBench.Actors.Backends.OpOutcome Build() => new(StatusText.Normalize(Status)!, Error: Status);
}
