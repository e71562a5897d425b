using System.Text.Json;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using SMBench.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace SMBench.Compiler.Tests.Captures;

/// <summary>smbtorture's oplock and lease tests make the server break opens; the compiler must see the breaks and
/// record how the captured client answered them.</summary>
public sealed class BreakCaptureTests
{
    private readonly ITestOutputHelper _out;

    public BreakCaptureTests(ITestOutputHelper output) => _out = output;

    [RequiresCaptureFact(NeedsSmbtorture = true)]
    public async Task Oplock_and_lease_breaks_are_counted_and_client_acks_land_in_on_break()
    {
        var dir = TestPaths.NewTempDir("breaks");
        var file = Path.Combine(dir, "breaks.pcap");
        await using (var server = await SambaServer.StartAsync())
        await using (var capture = await LoopbackCapture.StartAsync(file, server.Port))
        {
            var (_, output) = ExternalProcess.Run("smbtorture",
                $"//127.0.0.1/{server.ShareName} -p {server.Port} -U {server.UserName}%{server.Password} smb2.oplock.batch1 smb2.lease.break",
                timeoutMs: 180_000);
            _out.WriteLine(output);
            await capture.StopAsync();
        }

        var workload = Path.Combine(dir, "workload");
        var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = file, OutputDirectory = workload });
        _out.WriteLine(JsonSerializer.Serialize(report));
        Assert.True(report.Breaks > 0, "the capture should hold break notifications");
        Assert.True(report.BreakAcks > 0, "smbtorture acknowledges the breaks it gets");
        var validation = new WorkloadValidator().Validate(workload);
        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        var opens = WorkloadReader.Open(workload).ReadOperations().OfType<OpenOp>().ToList();
        Assert.Contains(opens, o => o.Smb?.OnBreak is { Count: > 0 });
        Assert.Contains(opens, o => o.Smb?.RequestedOplock == 9 && o.Expected?.OplockLevel == "batch");
        Assert.Contains(opens, o => o.Smb?.Lease != null);
        Directory.Delete(dir, true);
    }
}
