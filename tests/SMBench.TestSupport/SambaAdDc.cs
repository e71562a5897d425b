using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SMBench.TestSupport;

/// <summary>
/// A real Samba Active Directory domain controller on 127.0.0.1 (see docs/lab.md): provisioned into a private temp
/// directory with <c>samba-tool domain provision</c>, LDAP on the fixed ports 389/636 (self-signed certificate),
/// SMB on a free port with a writable <c>[data]</c> share. Killed by process group and deleted on dispose.
/// Ports 389/636/88 are fixed, so only one can run per machine.
/// </summary>
public sealed class SambaAdDc : IAsyncDisposable
{
    public const string Realm = "LAB.TEST";
    public const string NetbiosDomain = "LAB";
    public const string BaseDn = "DC=lab,DC=test";
    public const string AdminPassword = "Adm1nPassw0rd!";
    public const string AdminUpn = "Administrator@lab.test";
    public const int LdapPort = 389;
    public const int LdapsPort = 636;
    public const string ShareName = "data";

    public string Root { get; }
    public int SmbPort { get; }
    public string DataPath => Path.Combine(Root, "data");
    public string ConfigPath => Path.Combine(Root, "etc", "smb.conf");
    private Process? _process;
    private readonly System.Text.StringBuilder _log = new();

    private SambaAdDc(string root, int smbPort)
    {
        Root = root;
        SmbPort = smbPort;
    }

    /// <summary>Null when this machine can run the DC, else why not (for a skip message).</summary>
    public static string? Unavailable()
    {
        if (ExternalProcess.Which("samba") == null || ExternalProcess.Which("samba-tool") == null)
            return "samba (AD DC) is not installed (run scripts/setup-deps.sh: samba-ad-dc samba-ad-provision)";
        if (!Directory.Exists("/usr/share/samba/setup/ad-schema"))
            return "samba-ad-provision is not installed (samba-tool domain provision needs its schema files)";
        if (!ExternalProcess.IsRoot) return "running a Samba AD DC needs root";
        foreach (var port in new[] { LdapPort, LdapsPort })
            if (Listening(port)) return $"port {port} is already in use (another AD DC or LDAP server runs here)";
        return null;
    }

    public static async Task<SambaAdDc> StartAsync(CancellationToken cancellationToken = default)
    {
        var reason = Unavailable();
        if (reason != null) throw new InvalidOperationException(reason);
        var root = Directory.CreateTempSubdirectory("smbench-addc-").FullName;
        var dc = new SambaAdDc(root, FreePort.Next());
        try
        {
            await dc.StartCoreAsync(cancellationToken);
            return dc;
        }
        catch
        {
            await dc.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        ExternalProcess.RunChecked("samba-tool",
            $"domain provision --targetdir={Root} --realm={Realm} --domain={NetbiosDomain} --server-role=dc " +
            $"--dns-backend=NONE --adminpass={AdminPassword} --option=\"interfaces=lo\" --option=\"bind interfaces only=yes\" " +
            $"--option=\"smb ports={SmbPort}\" --option=\"log file={Root}/log.%m\"", timeoutMs: 180_000);
        Directory.CreateDirectory(DataPath);
        File.SetUnixFileMode(DataPath, (UnixFileMode)0b111_111_111);
        await File.AppendAllTextAsync(ConfigPath, $"\n[{ShareName}]\n  path = {DataPath}\n  read only = no\n", cancellationToken);

        // setsid puts samba in its own session and process group (pgid = its pid), so dispose can kill the whole tree.
        var psi = new ProcessStartInfo("bash",
            $"-c \"exec setsid samba -i -s {ConfigPath} --debug-stdout -d 0 </dev/null\"")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start samba");
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        foreach (var port in new[] { LdapsPort, LdapPort, SmbPort })
            await FreePort.WaitListeningAsync(port, TimeSpan.FromSeconds(60), Diagnostics);
    }

    private string Diagnostics()
    {
        lock (_log) return $"samba {(_process is { HasExited: true } ? "exited" : "runs")}; said: {_log}";
    }

    /// <summary>Runs smbclient against the [data] share as a domain user.</summary>
    public (int ExitCode, string Output) SmbClient(string user, string password, string commands)
        => ExternalProcess.Run("smbclient",
            $"//127.0.0.1/{ShareName} -p {SmbPort} -W {NetbiosDomain} -U {user}%{password} -m SMB3 -c \"{commands}\"");

    private static bool Listening(int port)
    {
        try
        {
            using var c = new TcpClient();
            return c.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            ExternalProcess.Run("kill", $"-TERM -- -{_process.Id}");
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                ExternalProcess.Run("kill", $"-KILL -- -{_process.Id}");
            }
            // Children (ldap, smbd, kdc workers) share the process group; make sure none outlives the fixture.
            for (var i = 0; i < 50 && ExternalProcess.Run("pgrep", $"-g {_process.Id}").ExitCode == 0; i++)
            {
                if (i == 20) ExternalProcess.Run("kill", $"-KILL -- -{_process.Id}");
                await Task.Delay(100);
            }
        }
        _process?.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
