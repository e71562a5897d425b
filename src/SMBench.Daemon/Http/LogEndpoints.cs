using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SMBench.Daemon.Hosting.Logging;

namespace SMBench.Daemon.Http;

/// <summary>
/// <c>GET /api/logs?tail=N</c>: the last N log lines as JSON; with <c>follow=true</c> a server-sent event stream
/// (<c>text/event-stream</c>, one <c>data:</c> JSON entry per line, a comment every 15 s to keep proxies open).
/// </summary>
public static class LogEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/logs", async (HttpContext http, LogRing ring, int? tail, bool? follow, CancellationToken ct) =>
        {
            var n = Math.Clamp(tail ?? 100, 0, ring.Capacity);
            if (follow != true) return Results.Json(new { entries = ring.Tail(n) }, ApiJson.Options);
            await StreamAsync(http, ring, n, ct);
            return Results.Empty;
        }).WithSummary("Log tail (?tail=N); ?follow=true streams new lines as server-sent events");
    }

    private static async Task StreamAsync(HttpContext http, LogRing ring, int tail, CancellationToken ct)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        using var subscription = ring.Subscribe(tail);
        foreach (var entry in subscription.Backlog) await WriteAsync(http.Response, entry, ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(ct);
                keepAlive.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var entry = await subscription.Reader.ReadAsync(keepAlive.Token);
                    await WriteAsync(http.Response, entry, ct);
                    while (subscription.Reader.TryRead(out var more)) await WriteAsync(http.Response, more, ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                }
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private static Task WriteAsync(HttpResponse response, LogEntry entry, CancellationToken ct)
        => response.WriteAsync($"data: {JsonSerializer.Serialize(entry, ApiJson.Options)}\n\n", ct);
}
