using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SMBench.Daemon.Hosting;

namespace SMBench.Daemon.Http;

/// <summary><c>GET /healthz</c>: 200 while the actor system is up, 503 once it terminated.</summary>
public static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", (ActorSystem system, DaemonClock clock) =>
        {
            var up = !system.WhenTerminated.IsCompleted;
            var body = new Dictionary<string, object?>
            {
                ["status"] = up ? "ok" : "terminated",
                ["actor_system"] = system.Name,
                ["uptime_s"] = Math.Round((DateTimeOffset.UtcNow - clock.StartedAt).TotalSeconds, 1),
                ["version"] = typeof(HealthEndpoints).Assembly.GetName().Version?.ToString(),
            };
            return Results.Json(body, ApiJson.Options, statusCode: up ? 200 : 503);
        }).WithSummary("Liveness: the actor system is up");
    }
}
