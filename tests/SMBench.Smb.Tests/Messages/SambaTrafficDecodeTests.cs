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

        using (var tcpdump = await StartTcpdumpAsync(capture, server.Port))
        {
            var (code, output) = server.SmbClient(
                $"mkdir dir1; cd dir1; put {source} file.txt; get file.txt {source}.back; ls; allinfo file.txt; " +
                "rename file.txt renamed.txt; ls; rm renamed.txt; cd ..; rmdir dir1; ls");
            Assert.True(code == 0, output);
            await Task.Delay(300); // let the last segments reach the capture
            ExternalProcess.Run("kill", $"-INT {tcpdump.Id}");
            await tcpdump.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        var decoder = new CorpusDecoder();
        foreach (var pdu in PcapSmb2Messages.Read(capture)) decoder.Decode(pdu);
        Assert.Equal(decoder.Headers.Count, decoder.Decoded + decoder.SetupSkipped);
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

    private static async Task<Process> StartTcpdumpAsync(string file, int port)
    {
        var psi = new ProcessStartInfo(ExternalProcess.Which("tcpdump")!, $"-i lo -U -s 0 -w {file} tcp port {port}")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var p = Process.Start(psi)!;
        var ready = new TaskCompletionSource();
        p.ErrorDataReceived += (_, e) => { if (e.Data?.Contains("listening", StringComparison.Ordinal) == true) ready.TrySetResult(); };
        p.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return p;
    }
}
