using System.Globalization;

namespace SMBench.Compiler.Smb.Decryption;

/// <summary>
/// The <c>--session-key SESSIONID:HEXKEY</c> pairs: SessionId as tshark shows <c>smb2.sesid</c> (hex, "0x"
/// optional), key = the session's 16-byte SessionKey (e.g. Samba's "debug encryption" dump, or Wireshark's key
/// table). Keys never appear in messages or the report.
/// </summary>
public sealed class SessionKeyTable
{
    private readonly Dictionary<ulong, byte[]> _keys = [];

    public static SessionKeyTable Parse(IEnumerable<string> entries)
    {
        var table = new SessionKeyTable();
        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var id = colon > 0 ? entry[..colon].Trim() : "";
            if (id.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) id = id[2..];
            if (colon <= 0 || !ulong.TryParse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var sessionId))
                throw new CompileFailedException($"--session-key: '{Redact(entry)}' is not SESSIONID:HEXKEY (SessionId in hex as tshark shows smb2.sesid)");
            byte[] key;
            try
            {
                key = Convert.FromHexString(entry[(colon + 1)..].Trim());
            }
            catch (FormatException)
            {
                throw new CompileFailedException($"--session-key for session 0x{sessionId:x16}: the key is not hex");
            }
            if (key.Length is not (16 or 32))
                throw new CompileFailedException($"--session-key for session 0x{sessionId:x16}: the key has {key.Length} bytes, expected 16 (or 32)");
            table._keys[sessionId] = key;
        }
        return table;
    }

    public int Count => _keys.Count;

    public bool TryGet(ulong sessionId, out byte[] key) => _keys.TryGetValue(sessionId, out key!);

    private static string Redact(string entry) => entry.Length > 20 ? entry[..20] + "…" : entry;
}
