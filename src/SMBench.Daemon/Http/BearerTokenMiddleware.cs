using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using SMBench.Daemon.Hosting;

namespace SMBench.Daemon.Http;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;token&gt;</c> on <c>/api/*</c> when the daemon has a token; /healthz, /metrics
/// and /openapi stay open (Prometheus and load balancers scrape them). Runs before any endpoint, so a refused request
/// never starts anything.
/// </summary>
public sealed class BearerTokenMiddleware(RequestDelegate next, DaemonSettings settings)
{
    private readonly byte[]? _token = settings.ApiToken == null ? null : Encoding.UTF8.GetBytes(settings.ApiToken);

    public Task InvokeAsync(HttpContext context)
    {
        if (_token == null || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)) return next(context);
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
}
