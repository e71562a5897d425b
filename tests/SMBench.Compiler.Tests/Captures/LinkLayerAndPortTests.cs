using SMBench.TestSupport;
using Xunit;

namespace SMBench.Compiler.Tests.Captures;

/// <summary>Linux cooked (SLL2, tcpdump -i any) framing, and --port restricting what is compiled.</summary>
public sealed class LinkLayerAndPortTests
{
    [RequiresCaptureFact]
    public async Task Linux_cooked_capture_compiles_like_ethernet_and_port_filter_applies()
    {
        var dir = TestPaths.NewTempDir("sll");
        var file = Path.Combine(dir, "any.pcap");
        int port;
        await using (var server = await SambaServer.StartAsync())
        await using (var capture = await LoopbackCapture.StartAsync(file, server.Port, device: "any"))
        {
            port = server.Port;
            var (code, output) = server.SmbClient("mkdir d; cd d; ls");
            Assert.True(code == 0, output);
            await capture.StopAsync();
        }
        Assert.StartsWith("sll:", ExternalProcess.RunChecked("tshark", $"-r {file} -c 1 -T fields -e frame.protocols").Trim(), StringComparison.Ordinal);

        var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = file, OutputDirectory = Path.Combine(dir, "w1") });
        Assert.Equal(TsharkOracle.RequestsByCommand(file, port).OrderBy(k => k.Key), report.RequestsByCommand.OrderBy(k => k.Key));
        Assert.Equal(1, report.ByType["mkdir"]);

        var forced = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = file, OutputDirectory = Path.Combine(dir, "w2"), Ports = [port] });
        Assert.Equal(report.OpsTotal, forced.OpsTotal);
        var other = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = file, OutputDirectory = Path.Combine(dir, "w3"), Ports = [port == 1 ? 2 : 1] });
        Assert.Equal(0, other.Connections);
        Assert.Equal(0, other.OpsTotal);
        Directory.Delete(dir, true);
    }
}
