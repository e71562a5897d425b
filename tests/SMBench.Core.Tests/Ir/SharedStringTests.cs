using SMBench.Core.Ir;
using SMBench.Core.Tests.Support;
using Xunit;
using static SMBench.Core.Tests.Ir.Validation.WorkloadFiles;

namespace SMBench.Core.Tests.Ir;

/// <summary>The reader shares repeated values (client ids, handle refs, paths) and still decodes every spelling.</summary>
public sealed class SharedStringTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private List<IrOperation> ReadBack(string jsonl)
    {
        File.WriteAllText(_tmp.Combine("workload.jsonl"), jsonl);
        return WorkloadReader.Open(_tmp.Path).ReadOperations().ToList();
    }

    [Fact]
    public void Repeated_values_are_one_string_instance_and_op_ids_are_not_shared()
    {
        var ops = ReadBack(JsonLines(Open("o1", "client-7", 0, "h1", "dir/a.txt"), Read("o2", "client-7", 1, "h1"),
            Close("o3", "client-7", 2, "h1"), Open("o4", "client-7", 3, "h1", "dir/a.txt")));
        Assert.Equal(["o1", "o2", "o3", "o4"], ops.Select(o => o.OpId));
        Assert.All(ops, o => Assert.Same(ops[0].ClientId, o.ClientId));
        Assert.All(ops, o => Assert.Same(ops[0].HandleRef, o.HandleRef));
        Assert.Same(((OpenOp)ops[0]).Path, ((OpenOp)ops[3]).Path);
        Assert.Same(ops[0].Type, ops[3].Type);
    }

    [Fact]
    public void Escaped_and_non_ascii_values_read_exactly()
    {
        var op = """{"op_id":"o1","client_id":"c\u00e9","type":"open","timestamp_us":0,"path":"d\/\u00fcber \"x\".txt","mode":"read","handle_ref":"h1"}""";
        var plain = """{"op_id":"o2","client_id":"cé","type":"open","timestamp_us":1,"path":"über.txt","mode":"read","handle_ref":"h2"}""";
        var ops = ReadBack(JsonLines(op, plain));
        Assert.Equal("cé", ops[0].ClientId);
        Assert.Equal("d/über \"x\".txt", ((OpenOp)ops[0]).Path);
        Assert.Equal("cé", ops[1].ClientId);
        Assert.Equal("über.txt", ((OpenOp)ops[1]).Path);
    }
}
