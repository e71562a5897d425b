using Xunit;

namespace SMBench.Smb.Tests.Messages.Corpus;

/// <summary>
/// Locates the public capture corpus at &lt;repo&gt;/../shared/corpus/pcap (SMBENCH_SHARED_DIR overrides the shared
/// dir for worktrees that sit elsewhere) and tshark, the oracle the corpus tests compare against.
/// </summary>
internal static class Corpus
{
    public static string? PcapDirectory
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable("SMBENCH_SHARED_DIR");
            if (string.IsNullOrEmpty(shared))
            {
                var root = RepoRoot();
                if (root == null) return null;
                shared = Path.Combine(root, "..", "shared");
            }
            var dir = Path.Combine(shared, "corpus", "pcap");
            return Directory.Exists(dir) ? dir : null;
        }
    }

    public static string? Tshark => SMBench.TestSupport.ExternalProcess.Which("tshark");

    /// <summary>
    /// The capture as classic pcap: pcapng files are converted with editcap (ships with tshark) into a temp file
    /// the caller deletes; pcap files are returned as they are.
    /// </summary>
    public static (string Path, bool Temporary) AsPcap(string path)
    {
        if (!path.EndsWith(".pcapng", StringComparison.OrdinalIgnoreCase)) return (path, false);
        var editcap = SMBench.TestSupport.ExternalProcess.Which("editcap")
            ?? throw new InvalidOperationException("editcap (wireshark-common) is needed to read pcapng captures");
        var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"smbench-{Guid.NewGuid():N}.pcap");
        SMBench.TestSupport.ExternalProcess.RunChecked(editcap, $"-F pcap \"{path}\" \"{temp}\"");
        return (temp, true);
    }

    public static string? UnavailableReason() =>
        PcapDirectory == null ? "capture corpus not found at <repo>/../shared/corpus/pcap (set SMBENCH_SHARED_DIR)"
        : Tshark == null ? "tshark not installed (apt-get install tshark)"
        : null;

    private static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SMBench.sln"))) return dir.FullName;
        }
        return null;
    }
}

/// <summary>A theory that skips with a reason when the corpus or tshark is missing.</summary>
public sealed class RequiresCorpusTheoryAttribute : TheoryAttribute
{
    public RequiresCorpusTheoryAttribute()
    {
        var reason = Corpus.UnavailableReason();
        if (reason != null) Skip = reason;
    }
}
