using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SMBench.Bench.Replay;

/// <summary>
/// A throwaway standalone smbd on 127.0.0.1 configured like the test fixture (private dirs, leases and durable
/// handles on, no kernel oplocks), for benchmarks. Needs root and Samba installed.
/// </summary>
internal sealed class BenchSmbd : IAsyncDisposable
{
    public const string User = "smbbench", Password = "Bench-Passw0rd1", Share = "share";
    private readonly Process _process;

    private BenchSmbd(string root, int port, Process process)
    {
        Root = root;
        Port = port;
        _process = process;
    }

    public string Root { get; }
    public int Port { get; }
    public string SharePath => Path.Combine(Root, "share");
    public string ConfigPath => Path.Combine(Root, "smb.conf");

    public static async Task<BenchSmbd> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("smbench-bench-smbd-").FullName;
        foreach (var d in new[] { "private", "lock", "state", "cache", "pid", "ncalrpc", "winbindd", "log", "share" })
            Directory.CreateDirectory(Path.Combine(root, d));
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(root, "share"), (UnixFileMode)0b111_111_111);
        var port = FreePort();
        File.WriteAllText(Path.Combine(root, "smb.conf"), $"""
            [global]
              workgroup = LAB
              server role = standalone server
              smb ports = {port}
              interfaces = 127.0.0.1
              bind interfaces only = yes
              private dir = {root}/private
              lock directory = {root}/lock
              state directory = {root}/state
              cache directory = {root}/cache
              pid directory = {root}/pid
              ncalrpc dir = {root}/ncalrpc
              winbindd socket directory = {root}/winbindd
              log file = {root}/log/log.%m
              passdb backend = tdbsam:{root}/private/passdb.tdb
              server min protocol = SMB2_02
              kernel oplocks = no
              kernel share modes = no
              posix locking = no
              smb2 leases = yes
              load printers = no
              printing = bsd
              printcap name = /dev/null
              disable spoolss = yes
            [share]
              path = {root}/share
              read only = no
              durable handles = yes

            """);
        if (Run("id", User).Code != 0) Run("useradd", $"-M -s /usr/sbin/nologin {User}");
        var (code, output) = Run("smbpasswd", $"-c {root}/smb.conf -s -a {User}", $"{Password}\n{Password}\n");
        if (code != 0) throw new InvalidOperationException($"smbpasswd failed: {output}");
        var psi = new ProcessStartInfo("bash", $"-c \"exec setsid smbd -F --no-process-group --debug-stdout -s {root}/smb.conf -d 0 </dev/null\"")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start smbd");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
        return new BenchSmbd(root, port, process);
    }

    /// <summary>Resident memory of smbd and its children, in MiB (from /proc).</summary>
    public double ServerRssMiB()
    {
        var (_, output) = Run("bash", $"-c \"ps -o rss= --ppid {_process.Id}; ps -o rss= -p {_process.Id}\"");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(l => long.TryParse(l.Trim(), out var kb) ? kb : 0) / 1024.0;
    }

    public static (int Code, string Output) Run(string file, string args, string? stdin = null, int timeoutMs = 600_000)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin != null, UseShellExecute = false,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        if (stdin != null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(true);
            return (-1, stdout.Result + stderr.Result + $"\n(killed after {timeoutMs} ms)");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        // Task.Run: never wait synchronously for a child's output on a thread that may be the socket engine's.
        await Task.Run(() => Run("pkill", $"-KILL -P {_process.Id}"));
        try
        {
            _process.Kill(true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { }
        _process.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
