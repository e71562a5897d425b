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
