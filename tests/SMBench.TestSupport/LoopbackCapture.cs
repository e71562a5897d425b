using System.Diagnostics;
using SMBench.TestSupport;

namespace SMBench.TestSupport;

/// <summary>
/// tcpdump on lo for one TCP port while a test drives a client; <see cref="StopAsync"/> ends it with SIGINT so
/// the file is complete. Big kernel buffer (-B) so fast transfers are not dropped.
/// </summary>
public sealed class LoopbackCapture : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr = new();

    private LoopbackCapture(Process process, string file)
    {
        _process = process;
        File = file;
    }

    public string File { get; }

    public static string? Unavailable()
    {
        var samba = SambaServer.Unavailable();
        if (samba != null) return samba;
        if (ExternalProcess.Which("tcpdump") == null) return "tcpdump is not installed (run scripts/setup-deps.sh)";
        if (ExternalProcess.Which("tshark") == null) return "tshark is not installed (run scripts/setup-deps.sh)";
        return null;
    }

    /// <param name="device">"lo" (Ethernet framing) or "any" (Linux cooked SLL2 framing).</param>
    public static async Task<LoopbackCapture> StartAsync(string file, int port, string device = "lo")
    {
        var psi = new ProcessStartInfo(ExternalProcess.Which("tcpdump")!, $"-i {device} -U --immediate-mode -B 262144 -s 0 -Z root -w {file} tcp port {port}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start tcpdump");
        var capture = new LoopbackCapture(process, file);
        var listening = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (capture._stderr) capture._stderr.AppendLine(e.Data);
            if (e.Data.Contains("listening on", StringComparison.Ordinal)) listening.TrySetResult();
        };
        process.BeginErrorReadLine();
        var done = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(15)));
        if (done != listening.Task)
        {
            await capture.DisposeAsync();
            throw new TimeoutException("tcpdump did not start listening: " + capture._stderr);
        }
        return capture;
    }

    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        await Task.Delay(300); // let the last segments reach the capture buffer
        ExternalProcess.Run("kill", $"-INT {_process.Id}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            catch (InvalidOperationException) { }
        }
        _process.Dispose();
    }
}
