using System.Globalization;
using SMBench.Smb.Protocol;
using SMBench.TestSupport;

namespace SMBench.Compiler.Tests.Captures;

/// <summary>tshark's decode of the same capture, as the independent count of SMB2 requests per command.</summary>
public static class TsharkOracle
{
    /// <param name="port">A non-standard server port to decode as NetBIOS/SMB; null for 445/139 captures.</param>
    public static Dictionary<string, long> RequestsByCommand(string file, int? port)
    {
        var decodeAs = port is { } p ? $"-d tcp.port=={p},nbss " : "";
        var output = ExternalProcess.RunChecked("tshark",
            $"-r {file} {decodeAs}-Y smb2 -T fields -E occurrence=a -E aggregator=; -e smb2.cmd -e smb2.msg_id -e smb2.nt_status -e smb2.flags.response",
            timeoutMs: 120_000);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length < 4 || fields[0].Length == 0) continue;
            var commands = fields[0].Split(';');
            var responses = fields[3].Split(';');
            for (var i = 0; i < commands.Length; i++)
            {
                var isResponse = i < responses.Length && (responses[i] == "1" || responses[i].Equals("True", StringComparison.OrdinalIgnoreCase));
                if (isResponse) continue;
                var name = Smb2CommandNames.ToWireName((Smb2Command)ushort.Parse(commands[i], CultureInfo.InvariantCulture));
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }
        return counts;
    }
}
