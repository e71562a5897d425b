using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SMBench.Integration.Tests.Daemon;
using Xunit;

namespace SMBench.Integration.Tests.Security;

/// <summary>
/// Every API endpoint the daemon publishes (taken from its own OpenAPI document, so endpoints added later are
/// covered without touching this test) refuses a request without the token, with a wrong one, with a near miss and
/// with another scheme — whatever the method and however the path is spelt. /healthz and /metrics stay open.
/// </summary>
[Collection(SecurityDaemonCollection.Name)]
public sealed class DaemonApiTokenTests(SecurityDaemonFixture fixture)
{
    private DaemonProcess Daemon => fixture.Daemon;

    private async Task<List<(HttpMethod Method, string Path)>> PublishedEndpointsAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Daemon.Url) };
        using var doc = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var endpoints = new List<(HttpMethod, string)>();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject())
                endpoints.Add((new HttpMethod(method.Name.ToUpperInvariant()),
                    System.Text.RegularExpressions.Regex.Replace(path.Name, "{[^}]+}", "x1")));
        return endpoints;
    }

    public static TheoryData<string, string?> Credentials() => new()
    {
        { "none", null },
        { "wrong", "Bearer not-the-token" },
        { "prefix", "Bearer " + DaemonProcess.Token[..^1] },
        { "suffix", "Bearer " + DaemonProcess.Token + "x" },
        { "other scheme", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:" + DaemonProcess.Token)) },
        { "bare token", DaemonProcess.Token },
        { "empty bearer", "Bearer " },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task Every_published_api_endpoint_refuses_a_request_without_the_right_token(string what, string? authorization)
    {
        var endpoints = await PublishedEndpointsAsync();
        // The documented surface must be there, or the loop below proves nothing.
        foreach (var expected in new[] { "/api/runs", "/api/runs/x1", "/api/runs/x1/stop", "/api/workloads/x1", "/api/cluster", "/api/actors", "/api/logs" })
            Assert.Contains(endpoints, e => e.Path == expected);
        var runsBefore = (await Daemon.GetJsonAsync("/api/runs")).GetProperty("runs").GetArrayLength();

        using var client = new HttpClient { BaseAddress = new Uri(Daemon.Url) };
        foreach (var (method, path) in endpoints.Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            // ASP.NET routing ignores case and Kestrel decodes %-escapes: each spelling must meet the same check
            // ("/API/runs" used to reach the endpoint without one).
            foreach (var spelling in new[] { path, path.ToUpperInvariant(), "/Api" + path[4..], "/%61pi" + path[4..], "/api/." + path[4..], "/" + path, path + "/" })
            {
                using var request = new HttpRequestMessage(method, new Uri(Daemon.Url + spelling));
                if (authorization != null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
                if (method == HttpMethod.Post || method == HttpMethod.Put)
                    request.Content = new StringContent("{\"workload\":\"/tmp\",\"backend\":\"null\"}", System.Text.Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound,
                    $"{what}: {method} {spelling} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                if (spelling == path) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }
        Assert.Equal(runsBefore, (await Daemon.GetJsonAsync("/api/runs")).GetProperty("runs").GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(Daemon.DataDir, "workloads", "x1")));
    }

    [Fact]
    public async Task Health_and_metrics_are_open_and_the_token_opens_the_api()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Daemon.Url) };
        using (var r = await anonymous.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await anonymous.GetAsync("/metrics")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DaemonProcess.Token);
        using (var r = await anonymous.GetAsync("/api/runs")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        // The scheme name is case-insensitive (RFC 7235), the token is not.
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", DaemonProcess.Token);
        using (var r = await anonymous.GetAsync("/api/runs")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DaemonProcess.Token.ToUpperInvariant());
        using (var r = await anonymous.GetAsync("/api/runs")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }
}
