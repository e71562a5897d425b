using Akka.Actor;

namespace SMBench.Actors.Clients;

/// <summary>Messages of <see cref="ClientRouter"/>.</summary>
public static class ClientRouterProtocol
{
    /// <summary>Create (and connect) one ClientActor per id; answered with <see cref="ClientsReady"/>.</summary>
    public sealed record CreateClients(IReadOnlyList<string> ClientIds);

    /// <param name="Clients">client_id → actor, for dispatch straight to the client.</param>
    /// <param name="Failed">client_id → why it could not connect or log in.</param>
    public sealed record ClientsReady(IReadOnlyDictionary<string, IActorRef> Clients, IReadOnlyDictionary<string, string> Failed);

    /// <summary>Tell every client the run is stopping.</summary>
    public sealed record StopAll;
}
