using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SMBench.Daemon.Http;

/// <summary><c>GET /api/actors?path=/user&amp;depth=N</c>: the actor hierarchy as a tree (name, path, type, children).</summary>
public static class ActorEndpoints
{
    public const int MaxChildrenPerNode = 500;

    public sealed record ActorNode(string Name, string Path, string? Type, int ChildCount, IReadOnlyList<ActorNode> Children);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/actors", (ActorSystem system, string? path, int? depth) =>
        {
            var d = Math.Clamp(depth ?? 3, 0, 20);
            var root = Find((ExtendedActorSystem)system, path ?? "/");
            if (root == null)
                return Results.Json(new ApiError($"no actor at '{path}' (try /, /user or /system)"), ApiJson.Options, statusCode: 404);
            return Results.Json(new { actor_system = system.Name, depth = d, root = Describe(root, d) }, ApiJson.Options);
        }).WithSummary("Actor hierarchy from ?path (default /) down ?depth levels (default 3)");
    }

    private static IActorRef? Find(ExtendedActorSystem system, string path)
    {
        IActorRef current = system.Provider.RootGuardian;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current is not ActorRefWithCell cell) return null;
            current = cell.Children.FirstOrDefault(c => c.Path.Name == name)!;
            if (current == null) return null;
        }
        return current;
    }

    // Children are read from the actor cells directly: a snapshot, no messages, so it works even when actors are busy.
    private static ActorNode Describe(IActorRef actor, int depth)
    {
        var children = actor is ActorRefWithCell cell ? cell.Children.OrderBy(c => c.Path.Name, StringComparer.Ordinal).ToList() : [];
        var type = actor is ActorRefWithCell c2 ? c2.Underlying.Props?.Type?.Name : null;
        var path = actor.Path.ToStringWithoutAddress();
        return new ActorNode(actor.Path.Name.Length == 0 ? "/" : actor.Path.Name, path, type, children.Count,
            depth <= 0 ? [] : children.Take(MaxChildrenPerNode).Select(c => Describe(c, depth - 1)).ToList());
    }
}
