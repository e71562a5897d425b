using System.Text.Json;
using SMBench.Core.Ir;
using SMBench.Core.Tests.Support;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Core.Tests.Ir;

public sealed class WorkloadRoundTripTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static List<IrOperation> TwoClients() =>
        [.. SampleOps.EveryType("alice", "a"), .. SampleOps.EveryType("bob", "b")];

    private string Write(IEnumerable<IrOperation> ops, bool jsonLines, string name, WorkloadMetadata? metadata = null)
    {
        using var writer = new WorkloadWriter(_tmp.Combine(name), jsonLines);
        foreach (var op in ops) writer.Write(op);
        return writer.Complete(metadata);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_op_type_with_every_field_survives_write_then_read(bool jsonLines)
    {
        var ops = TwoClients();
        var file = Write(ops, jsonLines, "w");

        Assert.Equal(jsonLines ? "workload.jsonl" : "workload.json", Path.GetFileName(file));
        var reader = WorkloadReader.Open(_tmp.Combine("w"));
        Assert.Equal(jsonLines, reader.IsJsonLines);
        IrAssert.Equal(ops, reader.ReadOperations().ToList());
        Assert.False(File.Exists(_tmp.Combine("w", ".operations.tmp")), "the writer's temporary file is left behind");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Header_is_derived_from_the_ops_and_keeps_extra_metadata(bool jsonLines)
    {
        var metadata = new WorkloadMetadata
        {
            Source = "capture.pcapng",
            Extra = new Dictionary<string, JsonElement> { ["compiler"] = SampleOps.Json("""{"skipped":{"ECHO":3}}""") },
        };
        Write(TwoClients(), jsonLines, "w", metadata);

        var h = WorkloadReader.Open(_tmp.Combine("w")).Header;
        Assert.Equal(1, h.Version);
        Assert.Equal("capture.pcapng", h.Metadata.Source);
        Assert.Equal(2, h.Metadata.ClientCount);
        Assert.Equal(0.018, h.Metadata.DurationSeconds, 9);
        Assert.Equal("""{"skipped":{"ECHO":3}}""", IrAssert.Canonical(h.Metadata.Extra!["compiler"]));
        Assert.Equal(["alice", "bob"], h.Clients.Select(c => c.ClientId));
        Assert.All(h.Clients, c => Assert.Equal(18, c.OperationCount));
    }

    [Fact]
    public void Json_form_puts_extensions_in_the_top_level_map_and_jsonl_inline()
    {
        var ops = SampleOps.EveryType();
        Write(ops, jsonLines: false, "json");
        Write(ops, jsonLines: true, "jsonl");

        using (var doc = JsonDocument.Parse(File.ReadAllText(_tmp.Combine("json", "workload.json"))))
        {
            var map = doc.RootElement.GetProperty("extensions").GetProperty("smb_protocol").GetProperty("operations");
            Assert.Equal(["op_002"], map.EnumerateObject().Select(p => p.Name));
            Assert.All(doc.RootElement.GetProperty("operations").EnumerateArray(),
                op => Assert.False(op.TryGetProperty("extensions", out _)));
        }
        var lines = File.ReadAllLines(_tmp.Combine("jsonl", "workload.jsonl"));
        Assert.Equal(ops.Count + 1, lines.Length);
        using var open = JsonDocument.Parse(lines[2]);
        Assert.Equal("op_002", open.RootElement.GetProperty("op_id").GetString());
        Assert.True(open.RootElement.GetProperty("extensions").TryGetProperty("smb_protocol", out _));
    }

    [Fact]
    public void Reading_json_and_writing_both_forms_gives_the_same_ops()
    {
        var original = WorkloadReader.Open(RepoPaths.SeedExample).ReadOperations().ToList();
        Write(original, jsonLines: true, "as-jsonl");
        Write(original, jsonLines: false, "as-json");

        var fromJsonl = WorkloadReader.Open(_tmp.Combine("as-jsonl")).ReadOperations().ToList();
        var fromJson = WorkloadReader.Open(_tmp.Combine("as-json")).ReadOperations().ToList();
        IrAssert.Equal(original, fromJsonl);
        IrAssert.Equal(original, fromJson);
        Assert.Equal(3, fromJsonl.Count(o => o.Smb != null));
    }

    [Fact]
    public void Hand_written_jsonl_with_names_and_aliases_survives_both_forms()
    {
        var source = _tmp.WriteText(Path.Combine("hand", "workload.jsonl"),
            "{\"version\":1,\"clients\":[{\"client_id\":\"c1\"}]}\n" + string.Join("\n", OperationJsonTests.HandWritten) + "\n");
        var original = WorkloadReader.Open(source).ReadOperations().ToList();
        IrAssert.Equal(SampleOps.EveryType(), original);

        Write(original, jsonLines: true, "as-jsonl");
        Write(original, jsonLines: false, "as-json");

        IrAssert.Equal(original, WorkloadReader.Open(_tmp.Combine("as-jsonl")).ReadOperations().ToList());
        IrAssert.Equal(original, WorkloadReader.Open(_tmp.Combine("as-json")).ReadOperations().ToList());
    }

    [Fact]
    public void Reading_twice_streams_the_same_ops()
    {
        Write(TwoClients(), jsonLines: false, "w");
        var reader = WorkloadReader.Open(_tmp.Combine("w"));
        IrAssert.Equal(reader.ReadOperations().ToList(), reader.ReadOperations().ToList());
    }

    [Fact]
    public void Ops_carry_the_line_they_were_read_from()
    {
        Write(SampleOps.EveryType(), jsonLines: true, "w");
        var ops = WorkloadReader.Open(_tmp.Combine("w")).ReadOperations().ToList();
        Assert.Equal(Enumerable.Range(2, ops.Count).Select(i => (long)i), ops.Select(o => o.SourceLine));
    }

    [Fact]
    public void Completing_in_the_other_form_replaces_the_previous_file()
    {
        Write(SampleOps.EveryType(), jsonLines: true, "w");
        Write(SampleOps.EveryType(), jsonLines: false, "w");
        Assert.False(File.Exists(_tmp.Combine("w", "workload.jsonl")));
        Assert.False(WorkloadReader.Open(_tmp.Combine("w")).IsJsonLines);
    }
}
