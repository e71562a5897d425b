using System.Text;

namespace SMBench.Compiler.Smb;

/// <summary>How lease keys and lease states are written in the IR: lowercase hex keys, "RWH" state letters.</summary>
public static class LeaseKeys
{
    /// <summary>The 16 key bytes as they are on the wire, in hex.</summary>
    public static string Hex(Guid key)
    {
        Span<byte> bytes = stackalloc byte[16];
        key.TryWriteBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>"RWH" letters for SMB2_LEASE_READ/WRITE/HANDLE_CACHING; "" for none.</summary>
    public static string StateLetters(uint state)
    {
        var sb = new StringBuilder(3);
        if ((state & 0x1) != 0) sb.Append('R');
        if ((state & 0x4) != 0) sb.Append('W');
        if ((state & 0x2) != 0) sb.Append('H');
        return sb.ToString();
    }
}
