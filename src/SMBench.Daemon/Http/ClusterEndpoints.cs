using Akka.Actor;
using Akka.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SMBench.Daemon.Hosting;

namespace SMBench.Daemon.Http;

/// <summary>
/// <c>/api/cluster</c>: membership as this node sees it, and leave/down/join. A daemon without cluster settings is a
/// single node: the member list is itself (Up, the leader) and leave/down/join answer 409 saying so.
/// </summary>
public static class ClusterEndpoints
{
    public const string SingleNodeMessage =
        "this daemon runs as a single node (no cluster is configured): there is nothing to {0}. " +
        "Start the daemons with --seed-nodes (see docs/cluster.md) to form a cluster.";

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/cluster", (ActorSystem system, DaemonSettings settings) => settings.Cluster.Enabled
            ? Results.Json(ClusterView(system), ApiJson.Options)
            : Results.Json(SingleNodeView(system), ApiJson.Options))
            .WithSummary("Members {address, status, roles}, the leader and unreachable members");
        app.MapPost("/api/cluster/leave", (HttpRequest http, ActorSystem system, DaemonSettings settings, CancellationToken ct)
            => ChangeAsync(http, system, settings, "leave", ct))
            .WithSummary("Make a member (default: this node) leave the cluster gracefully: {address?}");
        app.MapPost("/api/cluster/down", (HttpRequest http, ActorSystem system, DaemonSettings settings, CancellationToken ct)
            => ChangeAsync(http, system, settings, "down", ct))
            .WithSummary("Mark a member down (it is removed; its clients in a running run are reported lost): {address}");
        app.MapPost("/api/cluster/join", (HttpRequest http, ActorSystem system, DaemonSettings settings, CancellationToken ct)
            => ChangeAsync(http, system, settings, "join", ct))
            .WithSummary("Join this node to the cluster a seed node belongs to: {address}");
    }

    public static string SelfAddress(ActorSystem system) => ((ExtendedActorSystem)system).Provider.DefaultAddress.ToString();

    private static object SingleNodeView(ActorSystem system)
    {
        var self = SelfAddress(system);
        return new
        {
            mode = "single-node",
            self,
            leader = self,
            members = new[] { new { address = self, status = "Up", roles = Array.Empty<string>() } },
            unreachable = Array.Empty<string>(),
        };
    }

    private static object ClusterView(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address.ToString()).ToHashSet(StringComparer.Ordinal);
        return new
        {
            mode = "cluster",
            self = cluster.SelfAddress.ToString(),
            leader = state.Leader?.ToString(),
            members = state.Members.OrderBy(m => m.Address.ToString(), StringComparer.Ordinal).Select(m => new
            {
                address = m.Address.ToString(),
                status = m.Status.ToString(),
                roles = m.Roles.Order(StringComparer.Ordinal).ToArray(),
                reachable = !unreachable.Contains(m.Address.ToString()),
            }).ToArray(),
            unreachable = unreachable.Order(StringComparer.Ordinal).ToArray(),
        };
    }

    private static async Task<IResult> ChangeAsync(HttpRequest http, ActorSystem system, DaemonSettings settings, string verb, CancellationToken ct)
    {
        if (!settings.Cluster.Enabled)
            return Results.Json(new ApiError(string.Format(System.Globalization.CultureInfo.InvariantCulture, SingleNodeMessage, verb)),
                ApiJson.Options, statusCode: 409);
        var cluster = Akka.Cluster.Cluster.Get(system);
        string? text;
        try
        {
            text = await AddressFieldAsync(http, ct);
        }
        catch (ApiRequestException e)
        {
            return Results.Json(new ApiError(e.Message), ApiJson.Options, statusCode: e.Status);
        }
        if (text == null && verb != "leave")
            return Results.Json(new ApiError($"{verb} needs {{\"address\": \"akka.tcp://smbench@host:port\"}} (GET /api/cluster lists them)"),
                ApiJson.Options, statusCode: 400);
        Address address;
        try
        {
            address = text == null ? cluster.SelfAddress : Address.Parse(text);
        }
        catch (UriFormatException)
        {
            return Results.Json(new ApiError($"'{text}' is not a cluster address like akka.tcp://smbench@host:port"), ApiJson.Options, statusCode: 400);
        }
        if (verb != "join" && cluster.State.Members.All(m => m.Address != address))
            return Results.Json(new ApiError($"{address} is not a member (GET /api/cluster lists them)"), ApiJson.Options, statusCode: 404);
        switch (verb)
        {
            case "leave": cluster.Leave(address); break;
            case "down": cluster.Down(address); break;
            default: cluster.Join(address); break;
        }
        return Results.Json(new { action = verb, address = address.ToString() }, ApiJson.Options, statusCode: 202);
    }

    private static async Task<string?> AddressFieldAsync(HttpRequest http, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) throw RunSubmission.Bad("the body must be a JSON object {\"address\": …}");
            return doc.RootElement.TryGetProperty("address", out var a) && a.ValueKind == System.Text.Json.JsonValueKind.String ? a.GetString() : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw RunSubmission.Bad($"malformed JSON: {e.Message}");
        }
    }
}
