using Akka.Actor;
using Akka.TestKit.Xunit2;
using SMBench.Actors.Backends;
using SMBench.Actors.Clients;
using SMBench.Core.Results;
using Xunit;
using static SMBench.Actors.Clients.ClientRouterProtocol;

namespace SMBench.Actors.Tests.Clients;

public sealed class ClientRouterSpecs : TestKit
{
    [Fact]
    public async Task A_client_whose_login_throws_is_stopped_and_replaced_by_one_that_fails_its_ops_fast()
    {
        var backend = new ControlledBackend
        {
            OnOpenClient = (id, _) => id == "bad"
                ? throw new BackendLoginException("wrong password for bad")
                : Task.FromResult<IClientSession>(new NullBackend().OpenClientAsync(id, default).Result),
        };
        var run = new RunHarness(backend);
        var router = Sys.ActorOf(ClientRouter.Props(run.Context));
        router.Tell(new CreateClients(["good", "bad"]));
        var ready = ExpectMsg<ClientsReady>(TimeSpan.FromSeconds(10));
        Assert.Contains("wrong password", ready.Failed["bad"]);
        Assert.False(ready.Failed.ContainsKey("good"));
        Assert.Equal(1, backend.ConnectAttempts["bad"]); // never retried: retrying a bad password locks accounts

        ready.Clients["bad"].Tell(new ClientProtocol.Execute(RunHarness.Open("b1", "h1"), 0));
        ready.Clients["good"].Tell(new ClientProtocol.Execute(RunHarness.Open("g1", "h1"), 0));
        var results = new List<OpResult> { await run.NextResultAsync(), await run.NextResultAsync() };
        Assert.Equal(ReplayStatus.LoginFailed, results.Single(r => r.OpId == "b1").Status);
        Assert.Equal(StatusText.Success, results.Single(r => r.OpId == "g1").Status);
    }

    [Fact]
    public void An_io_fault_restarts_the_client_which_then_reconnects()
    {
        var backend = new ControlledBackend
        {
            OnOpenClient = (_, attempt) => attempt == 1
                ? throw new IOException("connection reset by peer")
                : Task.FromResult<IClientSession>(new NullBackend().OpenClientAsync("x", default).Result),
        };
        var run = new RunHarness(backend);
        var router = Sys.ActorOf(ClientRouter.Props(run.Context));
        router.Tell(new CreateClients(["c1"]));
        var ready = ExpectMsg<ClientsReady>(TimeSpan.FromSeconds(10));
        Assert.Empty(ready.Failed);
        Assert.Equal(2, backend.ConnectAttempts["c1"]);
        ready.Clients["c1"].Tell(new ClientProtocol.Execute(RunHarness.Open("o1", "h1"), 0));
        AwaitCondition(() => run.TryGetResult(out var r) && r!.Status == StatusText.Success, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void An_unreachable_target_is_retried_then_reported_as_a_failed_client()
    {
        var backend = new ControlledBackend
        {
            OnOpenClient = (_, _) => Task.FromException<IClientSession>(new IOException("connection refused")),
        };
        var run = new RunHarness(backend);
        var router = Sys.ActorOf(ClientRouter.Props(run.Context));
        router.Tell(new CreateClients(["c1"]));
        var ready = ExpectMsg<ClientsReady>(TimeSpan.FromSeconds(20));
        Assert.Contains("connection refused", ready.Failed["c1"]);
        Assert.True(backend.ConnectAttempts["c1"] > 1);
    }
}
