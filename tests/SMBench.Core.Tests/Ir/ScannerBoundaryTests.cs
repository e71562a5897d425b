using System.Text;
using SMBench.Core.Ir;
using SMBench.Core.Tests.Support;
using Xunit;
using static SMBench.Core.Tests.Ir.Validation.WorkloadFiles;

namespace SMBench.Core.Tests.Ir;

/// <summary>
/// The reader scans the file through a 64 KiB buffer; escapes, quotes and braces that straddle a refill must not
/// change what is read or the line numbers.
/// </summary>
public sealed class ScannerBoundaryTests : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(true, -2)]
    [InlineData(true, -1)]
    [InlineData(true, 0)]
    [InlineData(false, -1)]
    [InlineData(false, 0)]
    [InlineData(false, 1)]
    public void An_escape_straddling_the_buffer_edge_reads_correctly(bool jsonl, int shift)
    {
        // Pad the first op's path so its escaped quote (\") starts at BufferSize + shift.
        string Build(int pad) => jsonl
            ? JsonLines(Tricky("o1", pad), Delete("o2", "c1", 1, "next"))
            : Json(Tricky("o1", pad), Delete("o2", "c1", 1, "next"));
        var probe = Build(0);
        var pad = BufferSize + shift - Encoding.UTF8.GetByteCount(probe[..probe.IndexOf("\\\"", StringComparison.Ordinal)]);
        var text = Build(pad);
        Assert.Equal(BufferSize + shift, Encoding.UTF8.GetByteCount(text[..text.IndexOf("\\\"", StringComparison.Ordinal)]));
        File.WriteAllText(_tmp.Combine(FileName(jsonl)), text);

        var ops = WorkloadReader.Open(_tmp.Path).ReadOperations().ToList();

        var first = Assert.IsType<DeleteOp>(ops[0]);
        Assert.Equal(new string('a', pad) + "\"}]{[\\x", first.Path);
        Assert.Equal("next", ((DeleteOp)ops[1]).Path);
        Assert.Equal([LineOf(jsonl, 1), LineOf(jsonl, 2)], ops.Select(o => o.SourceLine));
    }

    private static string Tricky(string id, int pad) =>
        Op(id, "c1", 0, "delete", "\"path\":\"" + new string('a', pad) + "\\\"}]{[\\\\x\"");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Many_ops_across_many_refills_keep_their_lines_and_fields(bool jsonl)
    {
        var ops = Enumerable.Range(1, 5000)
            .Select(i => Op($"o{i}", "c1", i, "delete", "\"path\":\"" + new string('p', i % 97) + "\\\\\\\"" + i + "\""))
            .ToArray();
        File.WriteAllText(_tmp.Combine(FileName(jsonl)), jsonl ? JsonLines(ops) : Json(ops));

        var read = WorkloadReader.Open(_tmp.Path).ReadOperations().Cast<DeleteOp>().ToList();

        Assert.Equal(5000, read.Count);
        for (var i = 1; i <= 5000; i++)
        {
            Assert.Equal(new string('p', i % 97) + "\\\"" + i, read[i - 1].Path);
            Assert.Equal(LineOf(jsonl, i), read[i - 1].SourceLine);
        }
    }
}
