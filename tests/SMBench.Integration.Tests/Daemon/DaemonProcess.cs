using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SMBench.TestSupport;

namespace SMBench.Integration.Tests.Daemon;

/// <summary>
/// A real <c>smbench daemon</c> process (the built smbench.dll next to this assembly) on a free loopback port with a
/// private data dir, plus helpers to call its API and to run <c>smbench</c> CLI commands against it.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    public const string Token = "integration-test-token";
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DaemonProcess(Process process, string url, string dataDir, string workDir)
    {
        _process = process;
        Url = url;
        DataDir = dataDir;
        WorkDir = workDir;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }
    public string DataDir { get; }
    /// <summary>A scratch directory of this daemon (targets, generated workloads); removed at dispose.</summary>
    public string WorkDir { get; }
    public HttpClient Http { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string SmbenchDll => Path.Combine(AppContext.BaseDirectory, "smbench.dll");

    public static string RepoRoot => RepoPaths.Root;

    /// <param name="extraArgs">More daemon flags (cluster tests: --remote-port, --seed-nodes).</param>
    /// <param name="environment">More variables for the daemon's environment (e.g. a password_env variable).</param>
    public static async Task<DaemonProcess> StartAsync(string? dataDir = null, string? workDir = null,
        IEnumerable<string>? extraArgs = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        workDir ??= Directory.CreateTempSubdirectory("smbench-daemon-it-").FullName;
        dataDir ??= Path.Combine(workDir, "data");
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var psi = Cli(["daemon", "--config", Path.Combine(RepoRoot, "config", "akka.hocon"), "--http", url, "--data-dir", dataDir,
            ..extraArgs ?? []], Token, url);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        psi.WorkingDirectory = workDir;
        var daemon = new DaemonProcess(Process.Start(psi)!, url, dataDir, workDir);
        await daemon.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return daemon;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the daemon exited with {_process.ExitCode}: {Output}");
            try
            {
                using var r = await Http.GetAsync("/healthz");
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the daemon did not become healthy within {timeout}: {Output}");
    }

    /// <summary>Starts <c>dotnet smbench.dll args</c> with the daemon URL and a token in its environment.</summary>
    public static ProcessStartInfo Cli(IEnumerable<string> args, string? token, string? daemonUrl)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(SmbenchDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("SMBENCH_API_TOKEN");
        if (token != null) psi.Environment["SMBENCH_API_TOKEN"] = token;
        if (daemonUrl != null) psi.Environment["SMBENCH_DAEMON"] = daemonUrl;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        return psi;
    }

    /// <summary>Runs a CLI command to completion: exit code, stdout, stderr.</summary>
    public async Task<(int Code, string Out, string Err)> RunCliAsync(string[] args, string? token = Token, string? stdin = null,
        int timeoutMs = 60_000)
    {
        using var p = Process.Start(Cli(args, token, Url))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin != null) await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeoutMs);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(true);
            throw new TimeoutException($"smbench {string.Join(' ', args)} did not finish in {timeoutMs} ms: {await stdout}{await stderr}");
        }
        return (p.ExitCode, await stdout, await stderr);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var r = await Http.GetAsync(path);
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} → {(int)r.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>POST /api/runs; returns the run id (asserting 202).</summary>
    public async Task<string> SubmitAsync(object body)
    {
        using var r = await Http.PostAsJsonAsync("/api/runs", body);
        var text = await r.Content.ReadAsStringAsync();
        if ((int)r.StatusCode != 202) throw new InvalidOperationException($"POST /api/runs → {(int)r.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> WaitForAsync(string id, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement run = default;
        while (DateTime.UtcNow < deadline)
        {
            run = await GetJsonAsync($"/api/runs/{id}");
            if (condition(run)) return run;
            await Task.Delay(200);
        }
        throw new TimeoutException($"run {id} did not reach the expected condition within {timeout}; last: {run}");
    }

    public Task<JsonElement> WaitEndedAsync(string id, TimeSpan? timeout = null)
        => WaitForAsync(id, r => r.GetProperty("state").GetString() is "completed" or "stopped" or "failed", timeout ?? TimeSpan.FromSeconds(120));

    /// <summary>Sends SIGTERM (what systemd sends) and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited) Signal(_process.Id, SigTerm);
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static void Signal(int pid, int signal) => ExternalProcess.RunChecked("kill", $"-{signal} {pid}");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            try { await TerminateAsync(TimeSpan.FromSeconds(30)); }
            catch (OperationCanceledException) { _process.Kill(true); }
        }
        _process.Dispose();
        try { Directory.Delete(WorkDir, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
