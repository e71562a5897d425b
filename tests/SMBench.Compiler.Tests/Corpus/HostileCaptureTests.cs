using Xunit;

namespace SMBench.Compiler.Tests.Corpus;

/// <summary>The corpus' hostile captures: decoded without holding unbounded state, nothing turned into operations.</summary>
public sealed class HostileCaptureTests
{
    [CorpusTheory]
    [InlineData("SMBGhost.pcap")]
    [InlineData("fragment-state-exhaustion.pcap")]
    public async Task Hostile_capture_is_rejected_safely_with_bounded_state(string file)
    {
        var output = TestPaths.NewTempDir("hostile");
        try
        {
            var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = Path.Combine(TestPaths.CorpusDir, file), OutputDirectory = output });
            Assert.Equal(0, report.OpsTotal);
            Assert.True(report.TcpPeakBufferedBytes <= SMBench.Compiler.Tcp.ReassemblyLimits.Default.MaxBufferedBytes);
            Assert.NotEmpty(report.Skipped);
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }
}
