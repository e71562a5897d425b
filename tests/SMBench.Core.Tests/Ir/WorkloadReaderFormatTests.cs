using System.Text;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using SMBench.Core.Tests.Support;
using Xunit;
using static SMBench.Core.Tests.Ir.Validation.WorkloadFiles;

namespace SMBench.Core.Tests.Ir;

/// <summary>Spellings of the two forms that real files have: CRLF, a UTF-8 BOM, blank lines, member order.</summary>
public sealed class WorkloadReaderFormatTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] Ops =
        [Open("o1", "c1", 0, "h1"), Read("o2", "c1", 1, "h1"), Close("o3", "c1", 2, "h1")];

    private List<IrOperation> ReadBack(bool jsonl, string text, Encoding? encoding = null)
    {
        var file = _tmp.Combine(FileName(jsonl));
        File.WriteAllText(file, text, encoding ?? new UTF8Encoding(false));
        var report = new WorkloadValidator().Validate(_tmp.Path);
        Assert.True(report.IsValid, string.Join("\n", report.Errors.Select(e => e.Message)));
        return WorkloadReader.Open(_tmp.Path).ReadOperations().ToList();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Crlf_line_ends_read_like_lf_and_keep_line_numbers(bool jsonl)
    {
        var text = (jsonl ? JsonLines(Ops) : Json(Ops)).Replace("\n", "\r\n", StringComparison.Ordinal);
        var ops = ReadBack(jsonl, text);
        Assert.Equal(["o1", "o2", "o3"], ops.Select(o => o.OpId));
        Assert.Equal([LineOf(jsonl, 1), LineOf(jsonl, 2), LineOf(jsonl, 3)], ops.Select(o => o.SourceLine));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_utf8_byte_order_mark_is_accepted(bool jsonl)
    {
        var ops = ReadBack(jsonl, jsonl ? JsonLines(Ops) : Json(Ops), new UTF8Encoding(true));
        Assert.Equal(3, ops.Count);
    }

    [Fact]
    public void Blank_lines_in_json_lines_are_ignored_and_counted()
    {
        var text = Header + "\n\n" + Ops[0] + "\n   \n" + Ops[1] + "\n" + Ops[2] + "\n\n";
        var ops = ReadBack(true, text);
        Assert.Equal([3L, 5, 6], ops.Select(o => o.SourceLine));
    }

    [Fact]
    public void Json_members_may_come_in_any_order_with_extensions_first()
    {
        var text = """
            {
              "extensions": { "smb_protocol": { "operations": { "o1": { "disposition": "create" } } } },
              "operations": [
            """ + "\n" + string.Join(",\n", Ops) + """

              ],
              "clients": [ { "client_id": "c1", "operation_count": 3, "os": "Windows 11" } ],
              "version": 1
            }
            """;
        var ops = ReadBack(false, text);
        Assert.Equal(2u, ops[0].Smb!.Disposition);
        Assert.Null(ops[1].Smb);
        Assert.Equal(4, ops[0].SourceLine);
        var header = WorkloadReader.Open(_tmp.Path).Header;
        Assert.Equal("\"Windows 11\"", header.Clients[0].Extra!["os"].GetRawText());
    }

    [Fact]
    public void Numeric_op_ids_and_escaped_strings_are_read_as_text()
    {
        var text = JsonLines(
            """{"op_id":42,"client_id":"c1","timestamp_us":0,"type":"delete","path":"dir\\caf\u00e9 \"q\".txt"}""");
        var op = Assert.IsType<DeleteOp>(Assert.Single(ReadBack(true, text)));
        Assert.Equal("42", op.OpId);
        Assert.Equal("dir\\café \"q\".txt", op.Path);
    }

    [Fact]
    public void A_path_to_the_file_opens_like_the_directory_and_jsonl_wins_when_both_exist()
    {
        File.WriteAllText(_tmp.Combine("workload.json"), Json(Ops[0]));
        File.WriteAllText(_tmp.Combine("workload.jsonl"), JsonLines(Ops));
        Assert.Single(WorkloadReader.Open(_tmp.Combine("workload.json")).ReadOperations());
        var dir = WorkloadReader.Open(_tmp.Path);
        Assert.True(dir.IsJsonLines);
        Assert.Equal(3, dir.ReadOperations().Count());
        Assert.Equal(_tmp.Path, dir.Directory);
    }
}
