using System.Buffers.Binary;
using SMBench.Daemon.Reports;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Reports;

/// <summary>Opens rendered reports from disk in headless Chromium, offline, and checks a real page came out.</summary>
public sealed class ReportBrowserTests(ReplayedRunsFixture runs) : IClassFixture<ReplayedRunsFixture>
{
    [RequiresChromiumFact]
    public void The_run_report_renders_in_headless_chromium_without_script_errors()
    {
        var page = Path.Combine(runs.Root, "browser", "report.html");
        ReportRenderer.WriteReport(runs.RunA, page);
        AssertRenders(page);
    }

    [RequiresChromiumFact]
    public void The_compare_report_renders_in_headless_chromium_without_script_errors()
    {
        var page = Path.Combine(runs.Root, "browser", "compare.html");
        CompareRenderer.WriteCompare(runs.RunA, runs.RunB, page);
        AssertRenders(page);
    }

    private void AssertRenders(string page)
    {
        var png = Path.ChangeExtension(page, ".png");
        var profile = Directory.CreateTempSubdirectory("smbench-chromium-").FullName;
        try
        {
            var (code, output) = ExternalProcess.Run(RequiresChromiumFactAttribute.Browser!,
                $"--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --hide-scrollbars " +
                $"--user-data-dir={profile} --enable-logging=stderr --v=0 --window-size=1280,3000 " +
                $"--screenshot={png} file://{page}", timeoutMs: 120_000);

            Assert.True(code == 0, output);
            Assert.True(File.Exists(png), output);
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
            Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(3000, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            // A blank page compresses to a few kilobytes; text, tables and charts do not.
            Assert.True(bytes.Length > 50_000, $"screenshot is only {bytes.Length} bytes");
            Assert.DoesNotContain("Uncaught", output);
            Assert.DoesNotContain("ERR_FILE_NOT_FOUND", output);
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { }
        }
    }
}
