using Xunit;

namespace SMBench.Compiler.Tests;

public sealed class CancellationTests
{
    [Corpus.CorpusFact]
    public async Task Compile_reports_progress_and_honours_cancellation()
    {
        var input = Path.Combine(TestPaths.CorpusDir, "smb2.pcap");
        var output = TestPaths.NewTempDir("progress");
        try
        {
            var seen = new List<CompileProgress>();
            var progress = new SynchronousProgress(seen);
            var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = input, OutputDirectory = output }, progress);
            Assert.NotEmpty(seen);
            Assert.Equal(report.Frames, seen[^1].Frames);
            Assert.Equal(seen[^1].BytesTotal, seen[^1].BytesRead);

            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                CaptureCompiler.CompileAsync(new CompileOptions { InputPath = input, OutputDirectory = output }, null, cancelled.Token));
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }

    private sealed class SynchronousProgress(List<CompileProgress> seen) : IProgress<CompileProgress>
    {
        public void Report(CompileProgress value)
        {
            lock (seen) seen.Add(value);
        }
    }
}

public sealed class CompileOptionValuesTests
{
    [Fact]
    public void Cli_spellings_parse_and_bad_ones_name_the_choices()
    {
        Assert.Equal(PayloadMode.Synthetic, CompileOptionValues.ParsePayload("synthetic"));
        Assert.Equal(ClientGrouping.Session, CompileOptionValues.ParseClientBy("session"));
        Assert.Equal(ClientGrouping.AddressUser, CompileOptionValues.ParseClientBy("address-user"));
        var e = Assert.Throws<ArgumentException>(() => CompileOptionValues.ParseClientBy("user"));
        Assert.Contains("address-user, connection, session", e.Message, StringComparison.Ordinal);
    }
}
