using System.Diagnostics;
using SMBench.Smb.Protocol;
using SMBench.Smb.Tests.Messages.Corpus;
using Xunit;

namespace SMBench.Smb.Tests.Messages;

/// <summary>
/// Decodes the public SMB2 captures with the codecs and compares with tshark: every header it sees we see, every
/// body we own decodes without error, and CREATE names agree.
/// </summary>
public class CorpusDecodeTests
{
    [RequiresCorpusTheory]
    [InlineData("smb2.pcap", 2)]
    [InlineData("smb2readwrite.pcap", 26)]
    [InlineData("smb2_100_small_files.pcap", 180)]
    [InlineData("smb2-multiple-pdus.pcap", 0)]
    [InlineData("smb2.delete-on-close-perms-delete-existing.pcap", 3)]
    [InlineData("smb_many_open_files_500.pcap", 20)]
    [InlineData("smb_v2_only_non_zero_reserved1.pcap", 6)]
    [InlineData("smb311.pcap", 0)]
    [InlineData("smb3.pcap", 0)]
    [InlineData("smb2-zero-byte-error-ioctl.pcapng", 0)]
    [InlineData("smb3_negotiate_context.pcap", 0)]
    [InlineData("SMBGhost.pcap", 0)]
    [InlineData("fragment-state-exhaustion.pcap", 0)]
    public void Capture_decodes_and_agrees_with_tshark(string file, int minDirectoryEntries)
    {
        var path = Path.Combine(Corpus.Corpus.PcapDirectory!, file);
        var (pcap, temporary) = Corpus.Corpus.AsPcap(path);
        var decoder = new CorpusDecoder();
        try
        {
            foreach (var pdu in PcapSmb2Messages.Read(pcap)) decoder.Decode(pdu);
        }
        finally
        {
            if (temporary) File.Delete(pcap);
        }

        var expected = TsharkHeaders(path);
        Assert.Equal(Histogram(expected), Histogram(decoder.Headers));

        Assert.Equal(decoder.Headers.Count, decoder.Decoded + decoder.SetupSkipped);
                Assert.True(decoder.DirectoryEntries >= minDirectoryEntries, $"{decoder.DirectoryEntries} directory entries decoded, expected at least {minDirectoryEntries}");

        var tsharkNames = TsharkCreateNames(path);
        Assert.Equal(tsharkNames, decoder.CreateNames.Where(n => n.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    [RequiresCorpusTheory]
    [InlineData("smb2_fscontrol.pcap")] // a fuzzer's header: StructureSize 319 (tshark marks it malformed too)
    public void Malformed_capture_is_rejected_with_a_protocol_exception(string file)
    {
        var decoder = new CorpusDecoder();
        var pdus = PcapSmb2Messages.Read(Path.Combine(Corpus.Corpus.PcapDirectory!, file));
        Assert.NotEmpty(pdus);
        var ex = Assert.Throws<SmbProtocolException>(() => pdus.ForEach(decoder.Decode));
        Assert.Contains("StructureSize", ex.Message, StringComparison.Ordinal);
    }

    [RequiresCorpusTheory]
    [InlineData("smb2_100_small_files.pcap")]
    [InlineData("smb_many_open_files_500.pcap")]
    [InlineData("smb2.pcap")]
    public void Mutated_real_messages_fail_only_with_protocol_exceptions(string file)
    {
        // Real traffic as seeds: every body byte layout a server or client actually produced, then corrupted.
        var pdus = PcapSmb2Messages.Read(Path.Combine(Corpus.Corpus.PcapDirectory!, file));
        var random = new Random(20261127);
        var decoder = new CorpusDecoder();
        var rejected = 0;
        foreach (var pdu in pdus)
        {
            for (var round = 0; round < 8; round++)
            {
                var bytes = (byte[])pdu.Bytes.Clone();
                if (bytes.Length <= Smb2Header.Size) continue;
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var at = random.Next(Smb2Header.Size, bytes.Length);
                    bytes[at] = random.Next(3) switch { 0 => 0xFF, 1 => 0x00, _ => (byte)random.Next(256) };
                }
                if (random.Next(4) == 0) bytes = bytes[..random.Next(Smb2Header.Size, bytes.Length)];
                try
                {
                    decoder.Decode(pdu with { Bytes = bytes });
                }
                catch (SmbProtocolException)
                {
                    rejected++;
                }
            }
        }
        Assert.True(rejected > 0);
    }

    private static string Histogram(IEnumerable<(Smb2Command Command, bool Response)> headers) =>
        string.Join("; ", headers.GroupBy(h => h).OrderBy(g => g.Key.Command).ThenBy(g => g.Key.Response)
            .Select(g => $"{g.Key.Command}{(g.Key.Response ? "/resp" : "/req")}={g.Count()}"));

    private static List<(Smb2Command, bool)> TsharkHeaders(string path)
    {
        var result = new List<(Smb2Command, bool)>();
        foreach (var line in Tshark(path, "-Y smb2 -T fields -E occurrence=a -E aggregator=, -e smb2.cmd -e smb2.flags.response"))
        {
            var cols = line.Split('\t');
            if (cols.Length < 2 || cols[0].Length == 0) continue; // encrypted (transform header only)
            var cmds = cols[0].Split(',');
            var responses = cols[1].Split(',');
            for (var i = 0; i < cmds.Length; i++)
                result.Add(((Smb2Command)ushort.Parse(cmds[i], System.Globalization.CultureInfo.InvariantCulture), responses[i] is "1" or "True"));
        }
        return result;
    }

    private static List<string> TsharkCreateNames(string path) =>
        Tshark(path, "-Y \"smb2.cmd==5 && smb2.flags.response==0\" -T fields -E occurrence=a -E aggregator=| -e smb2.filename")
            .SelectMany(l => l.Split('|'))
            .Where(n => n.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> Tshark(string path, string args)
    {
        var psi = new ProcessStartInfo(Corpus.Corpus.Tshark!, $"-r \"{path}\" {args}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        _ = stderr.Result;
        Assert.Equal(0, p.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
