using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using SMBench.Daemon.Hosting;

namespace SMBench.Daemon.Http;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;token&gt;</c> on every path when the daemon has a token, except /healthz,
/// /metrics and /openapi (Prometheus and load balancers scrape them). An allowlist of open paths rather than a
/// check on "/api": routing matches paths case-insensitively, so "/API/runs" reached the endpoint unchecked.
/// Runs before any endpoint, so a refused request never starts anything.
/// </summary>
public sealed class BearerTokenMiddleware(RequestDelegate next, DaemonSettings settings)
{
    private readonly byte[]? _token = settings.ApiToken == null ? null : Encoding.UTF8.GetBytes(settings.ApiToken);

    public Task InvokeAsync(HttpContext context)
    {
        if (_token == null || IsOpen(context.Request.Path)) return next(context);
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), _token))
            return next(context);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var why = header.Length == 0 ? "missing bearer token" : "wrong bearer token";
        return context.Response.WriteAsJsonAsync(
            new ApiError($"{why}: send 'Authorization: Bearer <token>' with the daemon's token (SMBENCH_API_TOKEN)"), ApiJson.Options);
    }

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
