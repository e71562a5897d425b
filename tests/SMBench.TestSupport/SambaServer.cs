using System.Diagnostics;

namespace SMBench.TestSupport;

/// <summary>Knobs for one throwaway smbd; each maps to an smb.conf [global] line (see docs/lab.md).</summary>
public sealed record SambaOptions
{
    public string? ServerSigning { get; init; }          // e.g. "mandatory"
    public string? SmbEncrypt { get; init; }             // e.g. "required"
    public string MinProtocol { get; init; } = "SMB2_02";
    public string? MaxProtocol { get; init; }            // e.g. "SMB2_10"
    public string ExtraGlobal { get; init; } = "";
    public string ExtraShare { get; init; } = "";
    public string UserName { get; init; } = "smbtest";
    public string Password { get; init; } = "Passw0rd-Test1";
    /// <summary>The address smbd listens on (its only interface).</summary>
    public string Address { get; init; } = "127.0.0.1";
    /// <summary>Run smbd inside this network namespace (<c>ip netns exec</c>); <see cref="Address"/> must be in it.</summary>
    public string? NetNamespace { get; init; }
}

/// <summary>
/// A real standalone smbd on 127.0.0.1, a free port and a private directory (every Samba directory inside it, so
/// two instances never share a winbindd socket). Started by tests, killed and deleted on dispose.
/// </summary>
public sealed class SambaServer : IAsyncDisposable
{
    public string Root { get; }
    public string SharePath => Path.Combine(Root, "share");
    public string ShareName => "share";
    public int Port { get; }
    public SambaOptions Options { get; }
    public string UserName => Options.UserName;
    public string Password => Options.Password;
    public string ConfigPath => Path.Combine(Root, "smb.conf");

    private readonly System.Text.StringBuilder _log = new();

    /// <summary>What smbd printed so far (its debug log goes to stdout).</summary>
    public string Output
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }
    public string Unc => $"//{Options.Address}/{ShareName}";
    private Process? _process;

    private SambaServer(string root, int port, SambaOptions options)
    {
        Root = root;
        Port = port;
        Options = options;
    }

    /// <summary>Null (with the reason in <paramref name="skipReason"/>) when this machine cannot run smbd.</summary>
    public static string? Unavailable()
    {
        if (ExternalProcess.Which("smbd") == null) return "smbd is not installed (run scripts/setup-deps.sh)";
        if (!ExternalProcess.IsRoot) return "starting smbd with private users needs root";
        return null;
    }

    public static async Task<SambaServer> StartAsync(SambaOptions? options = null, int? port = null)
    {
        options ??= new SambaOptions();
        var reason = Unavailable();
        if (reason != null) throw new InvalidOperationException(reason);
        var root = Directory.CreateTempSubdirectory("smbench-smbd-").FullName;
        var server = new SambaServer(root, port ?? FreePort.Next(), options);
        await server.StartCoreAsync();
        return server;
    }

    private async Task StartCoreAsync()
    {
        foreach (var d in new[] { "private", "lock", "state", "cache", "pid", "ncalrpc", "winbindd", "log", "share" })
            Directory.CreateDirectory(Path.Combine(Root, d));
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(SharePath, (UnixFileMode)0b111_111_111);
        File.WriteAllText(ConfigPath, BuildConfig());
        EnsureUser(Options.UserName, Options.Password);

        // stdin must be /dev/null: a foreground smbd whose stdin is a pipe exits as soon as that pipe closes.
        // `ip netns exec` execs in place too, so the started process stays smbd itself.
        var netns = Options.NetNamespace == null ? "" : $"ip netns exec {Options.NetNamespace} ";
        var psi = new ProcessStartInfo("bash",
            $"-c \"exec setsid {netns}smbd -F --no-process-group --debug-stdout -s {ConfigPath} -d 0 </dev/null\"")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Without this a standalone smbd asks a running AD DC's winbindd for id mappings and fails every login.
        psi.Environment["_NO_WINBINDD"] = "1";
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start smbd");
        var log = _log;
        _process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await FreePort.WaitListeningAsync(Port, TimeSpan.FromSeconds(20), () => { lock (log) return "smbd said: " + log; },
            System.Net.IPAddress.Parse(Options.Address));
    }

    /// <summary>Adds (or re-passwords) a Unix + Samba user known to this server.</summary>
    public void EnsureUser(string name, string password)
    {
        if (ExternalProcess.Run("id", name).ExitCode != 0)
            ExternalProcess.Run("useradd", $"-M -s /usr/sbin/nologin {name}");
        ExternalProcess.RunChecked("smbpasswd", $"-c {ConfigPath} -s -a {name}", $"{password}\n{password}\n");
    }

    private string BuildConfig()
    {
        var r = Root;
        var lines = new List<string>
        {
            "[global]",
            "  workgroup = LAB",
            "  server role = standalone server",
            $"  smb ports = {Port}",
            $"  interfaces = {Options.Address}",
            "  bind interfaces only = yes",
            $"  private dir = {r}/private",
            $"  lock directory = {r}/lock",
            $"  state directory = {r}/state",
            $"  cache directory = {r}/cache",
            $"  pid directory = {r}/pid",
            $"  ncalrpc dir = {r}/ncalrpc",
            $"  winbindd socket directory = {r}/winbindd",
            $"  log file = {r}/log/log.%m",
            $"  passdb backend = tdbsam:{r}/private/passdb.tdb",
            $"  server min protocol = {Options.MinProtocol}",
            "  kernel oplocks = no",
            "  kernel share modes = no",
            "  posix locking = no",
            "  smb2 leases = yes",
            "  load printers = no",
            "  printing = bsd",
            "  printcap name = /dev/null",
            "  disable spoolss = yes",
        };
        if (Options.MaxProtocol != null) lines.Add($"  server max protocol = {Options.MaxProtocol}");
        if (Options.ServerSigning != null) lines.Add($"  server signing = {Options.ServerSigning}");
        if (Options.SmbEncrypt != null) lines.Add($"  smb encrypt = {Options.SmbEncrypt}");
        if (Options.ExtraGlobal.Length > 0) lines.Add(Options.ExtraGlobal);
        lines.AddRange(["[share]", $"  path = {SharePath}", "  read only = no", "  durable handles = yes"]);
        if (Options.ExtraShare.Length > 0) lines.Add(Options.ExtraShare);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Runs smbclient against this share (e.g. <c>-c 'get f /tmp/x'</c>).</summary>
    public (int ExitCode, string Output) SmbClient(string commands, string protocol = "SMB3")
        => ExternalProcess.Run("smbclient",
            $"{Unc} -p {Port} -U {Options.UserName}%{Options.Password} -m {protocol} -c \"{commands}\"");

    /// <summary>Kills every smbd child serving a client (the parent keeps listening): a connection reset.</summary>
    public void KillChildren()
    {
        if (_process == null) return;
        ExternalProcess.Run("pkill", $"-KILL -P {SmbdParentPid()}");
    }

    private int SmbdParentPid()
    {
        // setsid execs smbd in place, so the started process is smbd itself.
        return _process!.Id;
    }

    /// <summary>Stops the whole server (parent and children) as a crash or a service stop would; the directory stays.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false }) return;
        ExternalProcess.Run("pkill", $"-KILL -P {_process.Id}");
        _process.Kill(true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts smbd again on the same port, config and state after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync() => _process == null ? StartCoreAsync() : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                ExternalProcess.Run("pkill", $"-KILL -P {_process.Id}");
                _process.Kill(true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException) { }
        }
        _process?.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
