using Xunit;

namespace SMBench.Compiler.Tests.Fuzz;

/// <summary>
/// Captures the capture-file fuzzer (<c>fuzz capture-file</c>) made the compiler crash on, kept as they were found
/// (mutated corpus files, a few KiB each, in Fuzz/Crashers). Each now compiles with the damage reported.
/// </summary>
public sealed class CaptureFileCrasherTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("crashers");

    public void Dispose() => Directory.Delete(_dir, true);

    private static string Crasher(string name) => Path.Combine(AppContext.BaseDirectory, "Fuzz", "Crashers", name);

    private Task<CompileReport> Compile(string name) => CaptureCompiler.CompileAsync(new CompileOptions
    {
        InputPath = Crasher(name),
        OutputDirectory = Path.Combine(_dir, name),
    });

    [Fact]
    public async Task Unknown_protocol_family_in_a_null_link_frame_is_a_malformed_frame()
    {
        // PacketDotNet decodes the inner layer lazily and threw NotImplementedException outside the guarded parse.
        var report = await Compile("null-link-unknown-family.pcap");
        Assert.True(report.MalformedFrames >= 1);
    }

    [Fact]
    public async Task A_radiotap_frame_cut_inside_a_field_is_a_malformed_frame()
    {
        // Found by AFL++ (fuzz-sharpfuzz afl capture-file): PacketDotNet's radiotap reader threw EndOfStreamException.
        var report = await Compile("radiotap-truncated-field.pcap");
        Assert.True(report.MalformedFrames >= 1 || report.Warnings.Any(w => w.Contains("unsupported link layer", StringComparison.Ordinal)),
            string.Join("; ", report.Warnings));
    }

    [Theory]
    // A record timestamp SharpPcap cannot convert (OverflowException from its decimal).
    [InlineData("timeval-overflow.pcap")]
    // A pcapng timestamp past 9999-12-31 (ArgumentOutOfRangeException building the report's time span).
    [InlineData("timestamp-after-year-9999.pcapng")]
    public async Task Impossible_record_timestamp_stops_reading_with_a_warning(string name)
    {
        var report = await Compile(name);
        Assert.Contains(report.Warnings, w => w.Contains("impossible timestamp", StringComparison.Ordinal));
        Assert.True(report.Frames >= 1, "the frames before the damaged record are kept");
    }
}
