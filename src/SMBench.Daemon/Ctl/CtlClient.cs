using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SMBench.Daemon.Ctl;

/// <summary>
/// HTTP client of the daemon API for <c>smbench ctl</c>: bearer token from SMBENCH_API_TOKEN, and errors turned into
/// messages that say what to do (daemon not running, wrong token, refused request).
/// </summary>
public sealed class CtlClient : IDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    private readonly HttpClient _http;
    private readonly bool _hasToken;
    private IReadOnlyList<Palette>? _palettes;

    public CtlClient(string baseUrl, string? token, TimeSpan? timeout = null)
    {
        if (!Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CtlException(2, $"--daemon '{baseUrl}' is not an http:// URL (e.g. {DefaultUrl})");
        BaseUrl = uri;
        _http = new HttpClient { BaseAddress = uri, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        _hasToken = !string.IsNullOrEmpty(token);
        if (_hasToken) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri BaseUrl { get; }

    public async Task<JsonElement> GetAsync(string path, CancellationToken ct)
        => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/')), ct).ConfigureAwait(false);

    public async Task<JsonElement> PostAsync(string path, object? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new StringContent(body == null ? "{}" : JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, ct).ConfigureAwait(false);
    }

    public async Task<JsonElement> PutAsync(string path, Stream body, string contentType, CancellationToken ct)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Put, path.TrimStart('/')) { Content = content }, ct).ConfigureAwait(false);
    }

    /// <summary>The palettes the daemon offers (fetched once).</summary>
    public async Task<IReadOnlyList<Palette>> PalettesAsync(CancellationToken ct)
    {
        if (_palettes != null) return _palettes;
        var json = await GetAsync("/api/cmd/palettes", ct).ConfigureAwait(false);
        _palettes = json.GetProperty("palettes").Deserialize<List<Palette>>(CtlJson.Options) ?? [];
        return _palettes;
    }

    /// <summary>Reads a server-sent event stream and yields each event's data until the stream ends or ct fires.</summary>
    public async IAsyncEnumerable<string> StreamEventsAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        using var response = await Guard(() => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct)).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, ct).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (!ct.IsCancellationRequested)
        {
            var line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
            if (line == null) yield break;
            if (line.StartsWith("data: ", StringComparison.Ordinal)) yield return line[6..];
        }
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await Guard(() => _http.SendAsync(request, ct)).ConfigureAwait(false);
            await ThrowIfFailedAsync(response, ct).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return doc.RootElement.Clone();
        }
    }

    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            var why = e.InnerException is SocketException s ? s.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                _ => s.Message,
            } : e.Message;
            throw new CtlException(3, $"cannot reach the daemon at {BaseUrl} ({why}). Is `smbench daemon` running there? " +
                                      "Point ctl at it with --daemon URL or SMBENCH_DAEMON.");
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new CtlException(3, $"the daemon at {BaseUrl} did not answer within {_http.Timeout.TotalSeconds:0} s");
        }
    }

    private async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var message = body;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("error", out var e)) message = e.GetString() ?? body;
        }
        catch (JsonException)
        {
            // Not our JSON (a proxy's page): show it as it came.
        }
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new CtlException(3, _hasToken
                ? $"the daemon at {BaseUrl} refused the token (401): SMBENCH_API_TOKEN does not match the daemon's token"
                : $"the daemon at {BaseUrl} wants a token (401): set SMBENCH_API_TOKEN to the daemon's token"),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new CtlException(2, $"refused ({(int)response.StatusCode}): {message}"),
            _ => new CtlException(1, $"{(int)response.StatusCode} {response.ReasonPhrase}: {message}"),
        };
    }

    public void Dispose() => _http.Dispose();
}

internal static class CtlJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
    };

    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
