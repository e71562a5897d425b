using System.Globalization;
using System.Text.RegularExpressions;

namespace SMBench.Integration.Tests.Security;

/// <summary>
/// The SMB3 session keys smbd prints with "debug encryption = yes" — what the server derived for each session our
/// client set up, so a test can look for them in the client's output without the client exposing them.
/// </summary>
internal static partial class SmbdKeyDump
{
    public sealed record SessionKeys(ulong SessionId, IReadOnlyDictionary<string, byte[]> Keys);

    public static List<SessionKeys> Parse(string smbdOutput)
    {
        var sessions = new List<SessionKeys>();
        Dictionary<string, byte[]>? current = null;
        ulong id = 0;
        string? label = null;
        foreach (var line in smbdOutput.Split('\n'))
        {
            var start = Labelled().Match(line);
            if (start.Success)
            {
                label = start.Groups["label"].Value.Trim();
                var bytes = HexBytes(start.Groups["rest"].Value);
                if (label == "Session Id")
                {
                    current = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                    id = BitConverter.ToUInt64(bytes.Concat(new byte[8]).Take(8).ToArray());
                    sessions.Add(new SessionKeys(id, current));
                }
                else if (current != null) current[label] = bytes;
                continue;
            }
            var more = Continuation().Match(line);
            if (more.Success && current != null && label != null && current.TryGetValue(label, out var sofar))
                current[label] = [.. sofar, .. HexBytes(more.Groups["rest"].Value)];
            else label = null;
        }
        return sessions;
    }

    // "[0000] EF 32 DD 55 33 5F EF 37   A4 CD 9B 51 E5 FD C2 25   .2.U3_.7 ...Q...%": at most 16 bytes, one space
    // between them and three after the eighth; the ASCII column follows after more spaces.
    private static byte[] HexBytes(string rest)
    {
        var bytes = new List<byte>();
        foreach (Match m in HexByte().Matches(rest))
        {
            if (bytes.Count == 16) break;
            if (m.Groups["sep"].Length > 3) break;
            bytes.Add(byte.Parse(m.Groups["b"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"^(?<label>Session Id|Session Key|Signing Key|App Key|ServerIn Key|ServerOut Key|Encryption Key|Decryption Key)\s+\[0000\](?<rest>.*)$")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"^\s+\[(?!0000)[0-9A-F]{4}\](?<rest>.*)$")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\G(?<sep> +)(?<b>[0-9A-F]{2})(?= |$)")]
    private static partial Regex HexByte();
}
