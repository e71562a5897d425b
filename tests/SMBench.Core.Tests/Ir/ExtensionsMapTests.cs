using SMBench.Core.Ir;
using SMBench.Core.Tests.Support;
using Xunit;
using static SMBench.Core.Tests.Ir.Validation.WorkloadFiles;

namespace SMBench.Core.Tests.Ir;

/// <summary>The JSON form's top-level <c>extensions.smb_protocol.operations</c> map, read entry by entry.</summary>
public sealed class ExtensionsMapTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] Ops = [Open("o1", "c1", 0, "h1"), Open("o2", "c1", 1, "h2"), Open("o3", "c1", 2, "h3")];

    // Ops on lines 3-5, "operations" closes on line 6, extensions from line 7.
    private string WriteJson(string extensions) =>
        _tmp.WriteText("workload.json", Json(Ops)[..^2] + ",\n\"extensions\": " + extensions + "\n}\n");

    [Fact]
    public void Entries_attach_by_op_id_and_identical_entries_are_shared()
    {
        WriteJson("""
            {"smb_protocol": {"version": "3.1.1", "operations": {
              "o1": {"disposition": "create", "share_mode": "read"},
              "o3": {"disposition": "create", "share_mode": "read"},
              "o2": {"disposition": "open", "on_break": [{"action": "close"}]}
            }}, "other_protocol": {"operations": {"o1": 5}}}
            """);

        var ops = WorkloadReader.Open(_tmp.Path).ReadOperations().ToList();

        Assert.Equal(new SmbOpExtensions { Disposition = 2, ShareAccess = 1 }, ops[0].Smb);
        Assert.Same(ops[0].Smb, ops[2].Smb);
        Assert.Equal(1u, ops[1].Smb!.Disposition);
        Assert.Equal([new BreakResponse("close")], ops[1].Smb!.OnBreak!);
    }

    [Fact]
    public void A_bad_entry_is_reported_at_its_own_line_with_its_op_id()
    {
        WriteJson("""
            {"smb_protocol": {"operations": {
              "o1": {"disposition": "create"},
              "o2": {"disposition": "sideways"}
            }}}
            """);
        var e = Assert.Throws<WorkloadException>(() => WorkloadReader.Open(_tmp.Path));
        Assert.Equal(9, e.Line);
        Assert.Equal("o2", e.OpId);
        Assert.Contains("workload.json:9: op o2: field 'disposition': unknown value", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "'extensions' must be an object")]
    [InlineData("{\"smb_protocol\": 3}", "'extensions.smb_protocol' must be an object")]
    [InlineData("{\"smb_protocol\": {\"operations\": []}}", "'extensions.smb_protocol.operations' must be an object")]
    [InlineData("{\"smb_protocol\": {\"operations\": {\"o1\": 5}}}", "op o1: its extensions entry must be an object")]
    public void A_misshapen_map_is_a_workload_error(string extensions, string reason)
    {
        WriteJson(extensions);
        var e = Assert.Throws<WorkloadException>(() => WorkloadReader.Open(_tmp.Path));
        Assert.Contains("workload.json:7:", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_cut_short_is_reported_as_truncated()
    {
        var file = WriteJson("""{"smb_protocol": {"operations": {"o1": {"disposition": "create"}, "o2": {"dispo""");
        File.WriteAllText(file, File.ReadAllText(file).TrimEnd()[..^2]);
        var e = Assert.Throws<WorkloadException>(() => WorkloadReader.Open(_tmp.Path));
        Assert.Contains("truncated JSON?", e.Message, StringComparison.Ordinal);
    }
}
