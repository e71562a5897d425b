using System.Text.Json;
using System.Text.Json.Serialization;

namespace SMBench.Daemon.Http;

/// <summary>JSON of the HTTP API: snake_case fields like summary.json, map keys (op types, statuses) verbatim.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = null;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return o;
    }
}

/// <summary>Every API error: what went wrong and what to do, never a secret.</summary>
public sealed record ApiError(string Error);

/// <summary>A request the API refuses; <see cref="Status"/> is 400 (malformed) or 422 (well-formed but unusable).</summary>
public sealed class ApiRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
