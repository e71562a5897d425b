using Xunit;

namespace SMBench.Compiler.Tests;

/// <summary>Bad input ends in a specific message (or a warning for a cut capture), never a crash or a hang.</summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("malformed");

    public void Dispose() => Directory.Delete(_dir, true);

    private Task<CompileReport> Compile(string input) => CaptureCompiler.CompileAsync(new CompileOptions
    {
        InputPath = input,
        OutputDirectory = Path.Combine(_dir, "out-" + Path.GetFileName(input)),
    });

    [Fact]
    public async Task Missing_file_names_the_file()
    {
        var e = await Assert.ThrowsAsync<CompileFailedException>(() => Compile(Path.Combine(_dir, "nope.pcap")));
        Assert.Contains("nope.pcap", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_garbage_is_neither_capture_nor_loadfile()
    {
        var file = Path.Combine(_dir, "garbage.bin");
        File.WriteAllBytes(file, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var e = await Assert.ThrowsAsync<CompileFailedException>(() => Compile(file));
        Assert.Contains("neither a pcap/pcapng capture nor a dbench loadfile", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzipped_capture_is_told_to_be_decompressed()
    {
        var file = Path.Combine(_dir, "capture.pcap.gz");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(file), System.IO.Compression.CompressionLevel.Fastest))
            gz.Write(new byte[] { 0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0 });
        var e = await Assert.ThrowsAsync<CompileFailedException>(() => Compile(file));
        Assert.Contains("decompress it first", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_file_is_reported()
    {
        var file = Path.Combine(_dir, "empty.pcap");
        File.WriteAllBytes(file, []);
        var e = await Assert.ThrowsAsync<CompileFailedException>(() => Compile(file));
        Assert.Contains("empty.pcap", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pcap_header_with_a_corrupt_record_reports_where_reading_stopped()
    {
        var file = Path.Combine(_dir, "corrupt.pcap");
        var header = new byte[] { 0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 1, 0, 0, 0 };
        // One record header claiming 2 GB of data follows.
        var record = new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3 };
        File.WriteAllBytes(file, [.. header, .. record]);
        var report = await Compile(file);
        Assert.Equal(0, report.Frames);
        Assert.Contains(report.Warnings, w => w.Contains("corrupt.pcap", StringComparison.Ordinal));
    }

    [Corpus.CorpusFact]
    public async Task Capture_cut_mid_record_keeps_what_came_before()
    {
        var source = Path.Combine(TestPaths.CorpusDir, "smb2_100_small_files.pcap");
        var bytes = File.ReadAllBytes(source);
        var file = Path.Combine(_dir, "cut.pcap");
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2 + 7)]);
        var report = await Compile(file);
        Assert.True(report.Frames > 100);
        Assert.True(report.OpsTotal > 0);
        Assert.Contains(report.Warnings, w => w.Contains("reading stopped after frame", StringComparison.Ordinal));
    }
}
