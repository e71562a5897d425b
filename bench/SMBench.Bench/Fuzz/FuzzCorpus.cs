using SMBench.Compiler.Capture;
using SMBench.Compiler.Framing;
using SMBench.Compiler.Tcp;

namespace SMBench.Bench.Fuzz;

/// <summary>Seed material: the repository, the shared capture corpus and the SMB2 messages inside it.</summary>
public static class FuzzCorpus
{
    /// <summary>The checkout holding the binary, else the one holding the working directory.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SMBench.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository (SMBench.sln not found above " + AppContext.BaseDirectory + ")");
    }

    /// <summary>
    /// The shared pcap corpus: $SMBENCH_SHARED_DIR/corpus/pcap, else the first shared/corpus/pcap beside the
    /// repository or one of its parents (worktrees sit deeper than the main checkout).
    /// </summary>
    public static IReadOnlyList<string> CaptureFiles()
    {
        string? dir = null;
        if (Environment.GetEnvironmentVariable("SMBENCH_SHARED_DIR") is { Length: > 0 } shared) dir = Path.Combine(shared, "corpus", "pcap");
        for (var d = new DirectoryInfo(RepoRoot()).Parent; dir == null && d != null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "corpus", "pcap");
            if (Directory.Exists(candidate)) dir = candidate;
        }
        return dir != null && Directory.Exists(dir) ? Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Every SMB message (both directions, transport prefix removed) of the corpus, up to a cap.</summary>
    public static List<byte[]> SmbMessages(int max = 4000, int maxLength = 16 * 1024)
    {
        var collector = new Collector(max, maxLength);
        foreach (var file in CaptureFiles())
        {
            var table = new TcpConnectionTable((_, _, _) => new TcpConnectionTable.Setup(collector, 1 << 20), ReassemblyLimits.Default);
            try
            {
                using var reader = new PcapFrameReader(file);
                while (reader.TryRead(out var frame))
                    if (TcpSegmentExtractor.TryExtract(frame, out var s) == FrameSkipReason.None) table.OnSegment(s);
                table.CloseAll(0);
            }
            catch (CaptureFormatException)
            {
                // Not a capture: no seeds from it.
            }
        }
        return collector.Messages;
    }

    private sealed class Collector(int max, int maxLength) : IConnectionMessageHandler
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<byte[]> Messages { get; } = [];

        public void OnMessage(TcpEndpoint source, TcpEndpoint destination, ReadOnlySpan<byte> message, long timestampUs, long frame)
        {
            if (Messages.Count >= max || message.Length > maxLength) return;
            // One of each (command, direction, length) is variety enough and keeps the seed set small.
            var key = message.Length >= 16 ? $"{message[12]}/{message[16] & 1}/{message.Length}" : $"short/{message.Length}";
            if (_seen.Add(key)) Messages.Add(message.ToArray());
        }

        public void OnStreamGap(TcpEndpoint source, long frame)
        {
        }

        public void OnClosed(long frame)
        {
        }
    }
}
