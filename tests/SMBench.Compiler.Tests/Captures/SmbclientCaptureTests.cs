using SMBench.TestSupport;
using System.Text.Json;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using Xunit;
using Xunit.Abstractions;

namespace SMBench.Compiler.Tests.Captures;

/// <summary>A real smbclient session captured on lo, compiled, and checked against tshark's decode of the file.</summary>
public sealed class SmbclientCaptureTests : IClassFixture<SmbclientCaptureFixture>
{
    private readonly SmbclientCaptureFixture _capture;
    private readonly ITestOutputHelper _out;

    public SmbclientCaptureTests(SmbclientCaptureFixture capture, ITestOutputHelper output)
    {
        _capture = capture;
        _out = output;
    }

    private async Task<(CompileReport Report, string Dir)> CompileAsync(Func<CompileOptions, CompileOptions>? adjust = null)
    {
        var dir = TestPaths.NewTempDir("compiled");
        var options = new CompileOptions { InputPath = _capture.CaptureFile, OutputDirectory = dir };
        var report = await CaptureCompiler.CompileAsync(adjust?.Invoke(options) ?? options);
        _out.WriteLine(JsonSerializer.Serialize(report));
        return (report, dir);
    }

    [RequiresCaptureFact]
    public async Task Requests_per_command_agree_with_tshark()
    {
        var (report, dir) = await CompileAsync();
        var tshark = TsharkOracle.RequestsByCommand(_capture.CaptureFile, _capture.Port);
        Assert.NotEmpty(tshark);
        Assert.Equal(tshark.OrderBy(k => k.Key), report.RequestsByCommand.OrderBy(k => k.Key));

        // Every READ/WRITE request became an op or a counted skip, none vanished.
        long Skipped(string command) => report.Skipped.Where(s => s.Key.StartsWith(command + ":", StringComparison.Ordinal)).Sum(s => s.Value);
        Assert.Equal(tshark["READ"], report.ByType.GetValueOrDefault("read") + Skipped("READ"));
        Assert.Equal(tshark["WRITE"], report.ByType.GetValueOrDefault("write") + Skipped("WRITE"));
        Assert.Equal(tshark["CREATE"], report.ByType.GetValueOrDefault("open") + report.ByType.GetValueOrDefault("mkdir") + Skipped("CREATE"));
        Assert.Equal(SmbclientCaptureFixture.FileCount, report.ByType["write"]);
        Assert.Equal(SmbclientCaptureFixture.FileCount, report.ByType["read"]);
        Assert.Equal(1, report.ByType["mkdir"]);
        Assert.Equal(1, report.ByType["rename"]);
        Assert.Equal(0, report.TcpGaps);
        Assert.Equal(1, report.Clients);
        Directory.Delete(dir, true);
    }

    [RequiresCaptureFact]
    public async Task Compiled_workload_is_valid_and_keeps_payloads_and_the_user()
    {
        var (report, dir) = await CompileAsync();
        var validation = new WorkloadValidator().Validate(dir);
        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));

        var reader = WorkloadReader.Open(dir);
        var client = Assert.Single(reader.Header.Clients);
        Assert.EndsWith(_capture.UserName, client.Extra!["user"].GetString());
        var writes = reader.ReadOperations().OfType<WriteOp>().ToList();
        Assert.Equal(SmbclientCaptureFixture.FileCount, writes.Count);
        Assert.All(writes, w => Assert.NotNull(w.Blob));
        Assert.Equal(SmbclientCaptureFixture.FileSize, writes.Sum(w => (long)w.Length) / SmbclientCaptureFixture.FileCount);
        var ops = reader.ReadOperations().ToList();
        Assert.Contains(ops, o => o is RenameOp { SourcePath: "projects/report1.dat", DestPath: "projects/final.dat" });
        Assert.Contains(ops, o => o is DeleteOp { Path: "projects/final.dat" });
        Assert.Equal(report.OpsTotal, ops.Count);
        Directory.Delete(dir, true);
    }

    [RequiresCaptureFact]
    public async Task Synthetic_payload_writes_no_blobs_and_keeps_lengths()
    {
        var (_, dir) = await CompileAsync(o => o with { Payload = PayloadMode.Synthetic });
        Assert.False(Directory.Exists(Path.Combine(dir, "blobs")));
        var writes = WorkloadReader.Open(dir).ReadOperations().OfType<WriteOp>().ToList();
        Assert.All(writes, w => Assert.Null(w.Blob));
        Assert.Equal(SmbclientCaptureFixture.FileCount * (long)SmbclientCaptureFixture.FileSize, writes.Sum(w => (long)w.Length));
        Directory.Delete(dir, true);
    }

    [RequiresCaptureFact]
    public async Task Anonymized_workload_hides_names_but_keeps_structure_and_is_stable()
    {
        Environment.SetEnvironmentVariable("SMBENCH_TEST_ANON_KEY", "a-test-key-of-enough-length");
        CompileOptions Anonymized(CompileOptions o) => o with { Anonymize = true, AnonymizeKeyEnv = "SMBENCH_TEST_ANON_KEY" };
        var (_, first) = await CompileAsync(Anonymized);
        var (_, second) = await CompileAsync(Anonymized);
        var text = File.ReadAllText(Path.Combine(first, WorkloadReader.JsonLinesFileName));
        Assert.DoesNotContain("projects", text, StringComparison.Ordinal);
        Assert.DoesNotContain("report", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_capture.UserName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(Path.Combine(second, WorkloadReader.JsonLinesFileName)));

        var rename = WorkloadReader.Open(first).ReadOperations().OfType<RenameOp>().Single();
        Assert.Equal(2, rename.SourcePath.Split('/').Length);
        Assert.EndsWith(".dat", rename.DestPath, StringComparison.Ordinal);
        Assert.Equal(rename.SourcePath.Split('/')[0], rename.DestPath.Split('/')[0]);
        Directory.Delete(first, true);
        Directory.Delete(second, true);
    }

    [RequiresCaptureFact]
    public async Task Client_grouping_by_connection_and_session_is_honoured()
    {
        var (bySession, d1) = await CompileAsync(o => o with { ClientBy = ClientGrouping.Session });
        var (byConnection, d2) = await CompileAsync(o => o with { ClientBy = ClientGrouping.Connection });
        Assert.Equal(1, byConnection.Clients);
        Assert.True(bySession.Clients >= 1);
        Assert.Equal(bySession.OpsTotal, byConnection.OpsTotal);
        Directory.Delete(d1, true);
        Directory.Delete(d2, true);
    }
}
