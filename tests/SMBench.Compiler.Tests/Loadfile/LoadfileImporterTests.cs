using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using Xunit;

namespace SMBench.Compiler.Tests.Loadfile;

public sealed class LoadfileImporterTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("loadfile");

    public void Dispose() => Directory.Delete(_dir, true);

    private async Task<(CompileReport Report, List<IrOperation> Ops)> ImportAsync(string text)
    {
        var input = Path.Combine(_dir, "client.txt");
        File.WriteAllText(input, text);
        var output = Path.Combine(_dir, "out");
        var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = input, OutputDirectory = output });
        var validation = new WorkloadValidator().Validate(output);
        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        return (report, WorkloadReader.Open(output).ReadOperations().ToList());
    }

    [Fact]
    public async Task Every_dbench_command_maps_to_an_op_or_a_counted_skip()
    {
        var (report, ops) = await ImportAsync("""
            Deltree "\clients\client1" NT_STATUS_OK
            Mkdir "\clients" NT_STATUS_OK
            NTCreateX "\clients\client1" 0x1 0x2 16385 NT_STATUS_OK
            Close 16385 NT_STATUS_OK
            NTCreateX "\clients\client1\a.dat" 0x40 0x5 100 NT_STATUS_OK
            WriteX 100 0 65536 65536 NT_STATUS_OK
            ReadX 100 0 4096 4096 NT_STATUS_OK
            LockX 100 10 1 NT_STATUS_OK
            UnlockX 100 10 1 NT_STATUS_OK
            Flush 100 NT_STATUS_OK
            QUERY_FILE_INFORMATION 100 258 NT_STATUS_OK
            SET_FILE_INFORMATION 100 1004 NT_STATUS_OK
            Close 100 NT_STATUS_OK
            QUERY_PATH_INFORMATION "\clients\client1\a.dat" 1004 NT_STATUS_OK
            FIND_FIRST "\clients\client1\*.dat" 260 1366 1 NT_STATUS_OK
            QUERY_FS_INFORMATION 1 NT_STATUS_OK
            Rename "\clients\client1\a.dat" "\clients\client1\b.dat" NT_STATUS_OK
            Unlink "\clients\client1\b.dat" 0x6 NT_STATUS_OK
            NTCreateX "\clients\client1\gone" 0x40 0x1 101 NT_STATUS_OBJECT_NAME_NOT_FOUND
            Rmdir "\clients\client1" NT_STATUS_OK
            """);
        Assert.Equal(["close", "delete", "flush", "list", "lock", "mkdir", "open", "read", "rename", "rmdir", "stat", "unlock", "write"], report.ByType.Keys);
        Assert.Equal(2, report.ByType["mkdir"]);
        Assert.Equal(2, report.ByType["open"]);
        Assert.Equal(2, report.ByType["stat"]);
        Assert.Equal(4, report.Skipped.Count);
        var write = ops.OfType<WriteOp>().Single();
        Assert.Equal(65536, write.Length);
        Assert.Null(write.Blob);
        var list = ops.OfType<ListOp>().Single();
        Assert.Equal(("clients/client1", "*.dat"), (list.Path, list.Pattern));
        var failed = ops.OfType<OpenOp>().Single(o => o.Path.EndsWith("gone", StringComparison.Ordinal));
        Assert.Equal("STATUS_OBJECT_NAME_NOT_FOUND", failed.Expected!.Status);
        Assert.Equal(1, report.Clients);
    }

    [Fact]
    public async Task Timestamped_lines_keep_their_timing()
    {
        var (_, ops) = await ImportAsync("""
            10.000000 NTCreateX "\x.dat" 0x40 0x5 1 NT_STATUS_OK
            10.250000 WriteX 1 0 10 10 NT_STATUS_OK
            11.500000 Close 1 NT_STATUS_OK
            """);
        Assert.Equal([0L, 250_000L, 1_500_000L], ops.Select(o => o.TimestampUs));
    }

    [Fact]
    public async Task Bad_lines_are_skipped_with_their_line_number()
    {
        var (report, ops) = await ImportAsync("""
            NTCreateX "\x.dat" 0x40 0x5 1 NT_STATUS_OK
            WriteX 1 zero 10 10 NT_STATUS_OK
            ReadX 1 0 99999999999 10 NT_STATUS_OK
            NTCreateX "\..\outside" 0x40 0x5 2 NT_STATUS_OK
            Close 1 NT_STATUS_OK
            """);
        Assert.Equal(2, ops.Count);
        Assert.Contains(report.Warnings, w => w.Contains(":2:", StringComparison.Ordinal) && w.Contains("'zero'", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains(":3:", StringComparison.Ordinal) && w.Contains("out of range", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains(":4:", StringComparison.Ordinal) && w.Contains("share-relative", StringComparison.Ordinal));
        Assert.Equal(3, report.Skipped["loadfile line not understood"]);
    }

    [Fact]
    public async Task Text_that_is_no_loadfile_fails_with_a_specific_message()
    {
        var input = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(input, "\"unterminated\nanother \"line\n");
        var e = await Assert.ThrowsAsync<CompileFailedException>(() =>
            CaptureCompiler.CompileAsync(new CompileOptions { InputPath = input, OutputDirectory = Path.Combine(_dir, "o") }));
        Assert.Contains("notes.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("no dbench loadfile commands", e.Message, StringComparison.Ordinal);
    }

    [DebianClientTxtFact]
    public async Task Debian_dbench_client_txt_imports_completely()
    {
        var output = Path.Combine(_dir, "dbench");
        var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = DebianClientTxtFactAttribute.Path, OutputDirectory = output });
        var commands = File.ReadLines(DebianClientTxtFactAttribute.Path)
            .Select(l => l.Split(' ', 2)[0]).Where(c => c.Length > 0)
            .GroupBy(c => c).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(commands["ReadX"], report.ByType["read"]);
        Assert.Equal(commands["WriteX"], report.ByType["write"]);
        Assert.Equal(commands["NTCreateX"], report.ByType["open"] + report.ByType["mkdir"] - commands.GetValueOrDefault("Mkdir"));
        // One line, one op or one counted skip: nothing vanishes.
        Assert.Equal(commands.Values.Sum(), report.OpsTotal + report.Skipped.Values.Sum());
        Assert.Empty(report.Warnings);
        var validation = new WorkloadValidator().Validate(output);
        Assert.True(validation.IsValid, string.Join("\n", validation.Errors.Take(5)));
    }
}

/// <summary>Needs Debian's dbench package (its client.txt); skips otherwise.</summary>
public sealed class DebianClientTxtFactAttribute : FactAttribute
{
    public const string Path = "/usr/share/dbench/client.txt";

    public DebianClientTxtFactAttribute()
    {
        if (!File.Exists(Path)) Skip = "dbench's client.txt is not installed (apt-get install dbench)";
    }
}
