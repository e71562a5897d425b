using System.Diagnostics;
using SMBench.Smb.Tests.Messages.Corpus;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Smb.Tests.Messages;

/// <summary>
/// Captures smbclient talking to a real smbd over loopback (tcpdump) and decodes every message with the codecs:
/// nothing Samba sends today may trip them, and tshark must agree on every header and CREATE name.
/// </summary>
public class SambaTrafficDecodeTests
{
    [RequiresSambaFact]
    public async Task Smbclient_session_against_smbd_decodes_completely()
    {
        Assert.True(ExternalProcess.Which("tcpdump") != null && Corpus.Corpus.Tshark != null, "tcpdump and tshark are part of the lab (scripts/setup-deps.sh)");
        // While an AD DC runs on this machine, a standalone smbd still asks the DC's winbindd for id mappings and
        // then fails every login (getpwuid of a 3000000+ uid). _NO_WINBINDD keeps the smbd we start to itself.
        Environment.SetEnvironmentVariable("_NO_WINBINDD", "1");
        await using var server = await SambaServer.StartAsync();
        var capture = Path.Combine(server.Root, "session.pcap");
        var source = Path.Combine(server.Root, "source.txt");
        await File.WriteAllTextAsync(source, string.Concat(Enumerable.Repeat("payload line\n", 2000)));

        var tcpdump = await StartTcpdumpAsync(capture, server.Port);
        try
        {
            var (code, output) = server.SmbClient(
                $"mkdir dir1; cd dir1; put {source} file.txt; get file.txt {source}.back; ls; allinfo file.txt; " +
                "rename file.txt renamed.txt; ls; rm renamed.txt; cd ..; rmdir dir1; ls");
            Assert.True(code == 0, output);
        }
        finally
        {
            await StopTcpdumpAsync(tcpdump);
        }

        var decoder = new CorpusDecoder();
        foreach (var pdu in PcapSmb2Messages.Read(capture)) decoder.Decode(pdu);
        Assert.True(decoder.Headers.Count > 20, $"only {decoder.Headers.Count} SMB2 headers captured");
        Assert.Empty(decoder.Unaccounted.Take(10));
        Assert.Equal(decoder.Headers.Count, decoder.Decoded + decoder.SetupSkipped + decoder.RejectedRequests);
        Assert.True(decoder.DirectoryEntries >= 3, $"only {decoder.DirectoryEntries} directory entries decoded");
        Assert.Contains(@"dir1\file.txt", decoder.CreateNames);
        Assert.Contains(@"dir1\renamed.txt", decoder.CreateNames);

        var tshark = ExternalProcess.Run(Corpus.Corpus.Tshark!,
            $"-r {capture} -d tcp.port=={server.Port},nbss -Y smb2 -T fields -E occurrence=a -E aggregator=, -e smb2.cmd");
        var tsharkHeaders = tshark.Output.Split('\n')
            .Where(l => l.Length > 0 && char.IsDigit(l[0]))
            .Sum(l => l.Split(',').Length);
        Assert.Equal(tsharkHeaders, decoder.Headers.Count);
    }

    [RequiresSambaFact]
    public async Task Smbtorture_leases_breaks_durable_handles_and_locks_decode_completely()
    {
        Assert.True(ExternalProcess.Which("tcpdump") != null && ExternalProcess.Which("smbtorture") != null && Corpus.Corpus.Tshark != null,
            "tcpdump, smbtorture and tshark are part of the lab (scripts/setup-deps.sh)");
        Environment.SetEnvironmentVariable("_NO_WINBINDD", "1"); // see the smbclient test
        await using var server = await SambaServer.StartAsync();
        var capture = Path.Combine(server.Root, "torture.pcap");
        var tcpdumpLog = "";
        string[] tests =
        [
            "smb2.lease.breaking1", "smb2.oplock.batch1", "smb2.durable-open.reopen1", "smb2.durable-v2-open.open-lease",
            "smb2.durable-v2-open.reopen1", "smb2.lock.valid-request", "smb2.notify.valid-req", "smb2.dir.find",
            "smb2.rename.simple", "smb2.compound.related1", "smb2.ioctl.req_resume_key", "smb2.read.eof",
        ];
        var tcpdump = await StartTcpdumpAsync(capture, server.Port);
        try
        {
            var (_, output) = ExternalProcess.Run("smbtorture",
                $"//127.0.0.1/{server.ShareName} -p {server.Port} -U {server.UserName}%{server.Password} {string.Join(' ', tests)}",
                timeoutMs: 240_000);
            // The torture verdicts are Samba's business; the traffic is what we need, so only insist it ran.
            Assert.Contains("success: breaking1", output, StringComparison.Ordinal);
        }
        finally
        {
            var pid = tcpdump.Id;
            await StopTcpdumpAsync(tcpdump);
            tcpdumpLog = TcpdumpLog(pid);
        }

        // smbtorture sends deliberately malformed requests (e.g. LOCK with a cut body): our parser may reject a
        // request only if smbd rejected it too.
        var decoder = new CorpusDecoder { TolerateMalformedRequests = true };
        foreach (var pdu in PcapSmb2Messages.Read(capture)) decoder.Decode(pdu);
        Assert.True(decoder.Headers.Count > 100, $"only {decoder.Headers.Count} SMB2 headers captured");
        Assert.Empty(decoder.Unaccounted.Take(10));
        Assert.Equal(decoder.Headers.Count, decoder.Decoded + decoder.SetupSkipped + decoder.RejectedRequests);
        Assert.Empty(decoder.RejectedButAcceptedByServer);
        Assert.Contains("RqLs/req", decoder.ContextTags);
        Assert.Contains("RqLs/resp", decoder.ContextTags);
        Assert.Contains("DHnQ/resp", decoder.ContextTags);
        Assert.Contains("DH2Q/req", decoder.ContextTags);
        Assert.Contains("DH2Q/resp", decoder.ContextTags);
        Assert.Contains("DHnC/req", decoder.ContextTags);
        Assert.Contains("DH2C/req", decoder.ContextTags);
        Assert.Contains("Oplock/resp", decoder.BreakKinds);            // server's oplock break notification
        Assert.Contains("LeaseNotification/resp", decoder.BreakKinds); // server's lease break notification
        Assert.Contains("LeaseAcknowledgment/req", decoder.BreakKinds);

        var tshark = ExternalProcess.Run(Corpus.Corpus.Tshark!,
            $"-r {capture} -d tcp.port=={server.Port},nbss -Y smb2 -T fields -E occurrence=a -E aggregator=, -e smb2.cmd");
        var tsharkHeaders = tshark.Output.Split('\n')
            .Where(l => l.Length > 0 && char.IsDigit(l[0]))
            .Sum(l => l.Split(',').Length);
        Assert.True(tsharkHeaders == decoder.Headers.Count, $"tshark saw {tsharkHeaders} headers, we {decoder.Headers.Count}; tcpdump: {tcpdumpLog}");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, System.Text.StringBuilder> TcpdumpLogs = new();

    private static string TcpdumpLog(int pid) => TcpdumpLogs.TryGetValue(pid, out var sb) ? sb.ToString() : "";

    /// <summary>Stops the capture we started (by its pid) whether or not the test body failed.</summary>
    private static async Task StopTcpdumpAsync(Process tcpdump)
    {
        try
        {
            if (!tcpdump.HasExited)
            {
                await Task.Delay(300); // let the last segments reach the capture
                ExternalProcess.Run("kill", $"-INT {tcpdump.Id}");
                if (!tcpdump.WaitForExit(10_000)) tcpdump.Kill();
            }
            await tcpdump.WaitForExitAsync();
        }
        finally
        {
            tcpdump.Dispose();
        }
    }

    private static async Task<Process> StartTcpdumpAsync(string file, int port)
    {
        var psi = new ProcessStartInfo(ExternalProcess.Which("tcpdump")!, $"-i lo --immediate-mode -B 32768 -U -s 0 -w {file} tcp port {port}")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var p = Process.Start(psi)!;
        var ready = new TaskCompletionSource();
        var log = TcpdumpLogs.GetOrAdd(p.Id, _ => new System.Text.StringBuilder());
        p.ErrorDataReceived += (_, e) =>
        {
            lock (log) log.AppendLine(e.Data);
            if (e.Data?.Contains("listening", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        p.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return p;
    }
}
