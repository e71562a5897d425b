using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SMBench.Daemon.Http;

/// <summary>
/// <c>/api/cluster</c>. This daemon runs a single-node actor system (no Akka.Cluster yet): the member list is the
/// local node, always Up and the leader; leave/down have no meaning and answer 409 saying so.
/// </summary>
public static class ClusterEndpoints
{
    public const string SingleNodeMessage =
        "this daemon runs as a single node (no cluster is configured): there is nothing to {0}. " +
        "Cluster membership (--seed-nodes) is not part of this build.";

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/cluster", (ActorSystem system) =>
        {
            var self = SelfAddress(system);
            return Results.Json(new
            {
                mode = "single-node",
                self,
                leader = self,
                members = new[] { new { address = self, status = "Up", roles = Array.Empty<string>() } },
                unreachable = Array.Empty<string>(),
            }, ApiJson.Options);
        }).WithSummary("Members {address, status, roles} and the leader");
        app.MapPost("/api/cluster/leave", () => Conflict("leave"));
        app.MapPost("/api/cluster/down", () => Conflict("down"));
        app.MapPost("/api/cluster/join", () => Conflict("join"));
    }

    public static string SelfAddress(ActorSystem system) => ((ExtendedActorSystem)system).Provider.DefaultAddress.ToString();

    private static IResult Conflict(string verb)
        => Results.Json(new ApiError(string.Format(System.Globalization.CultureInfo.InvariantCulture, SingleNodeMessage, verb)),
            ApiJson.Options, statusCode: 409);
}
