namespace SMBench.Daemon.Runs;

/// <summary>
/// <c>--connections</c> (HTTP <c>connections</c>): <c>per-client</c> (the default: each simulated client its own TCP
/// connection) or <c>shared:N</c> (N connections, each carrying the sessions of many clients — a terminal server's
/// users, or a gateway in front of a NAS). smb backend only; in a cluster, N per node.
/// </summary>
public static class ConnectionsOption
{
    public const int MaxShared = 100_000;

    /// <summary>0 for per-client, else N; <see cref="FormatException"/> for anything else.</summary>
    public static int Parse(string? text)
    {
        if (text == null || text.Equals("per-client", StringComparison.OrdinalIgnoreCase)) return 0;
        const string prefix = "shared:";
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(prefix.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxShared)
            return n;
        throw new FormatException($"--connections must be per-client or shared:N with N from 1 to {MaxShared} (got '{text}')");
    }
}
