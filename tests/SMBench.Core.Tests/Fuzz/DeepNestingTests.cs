using SMBench.Core.Credentials;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using SMBench.Core.Tests.Support;
using Xunit;

namespace SMBench.Core.Tests.Fuzz;

/// <summary>
/// Nesting 100,000 levels deep (what a hostile file does to blow a recursive parser's stack, which no catch can
/// survive) ends in the documented error for workloads and credentials files alike.
/// </summary>
public sealed class DeepNestingTests : IDisposable
{
    private const int Depth = 100_000;
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Deep_arrays_in_a_jsonl_operation_are_a_located_error()
    {
        var file = _tmp.WriteText("deep/workload.jsonl", "{\"version\":1}\n{\"op_id\":\"a\",\"client_id\":\"c\",\"timestamp_us\":0,\"type\":\"delete\",\"path\":\"x\",\"extra\":"
            + new string('[', Depth) + new string(']', Depth) + "}\n");
        var error = Assert.Single(new WorkloadValidator().Validate(file).Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("depth", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_objects_in_the_json_header_are_a_workload_error()
    {
        var file = _tmp.WriteText("deep2/workload.json", "{\"version\":1,\"metadata\":" + string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1"
            + new string('}', Depth) + ",\"operations\":[]}");
        var e = Assert.Throws<WorkloadException>(() => WorkloadReader.Open(file));
        Assert.Contains("depth", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_flow_sequences_in_a_credentials_file_are_a_credentials_error()
    {
        var e = Assert.Throws<CredentialsException>(() => CredentialsFile.Parse("users: " + new string('[', Depth) + "\n", "deep.yaml"));
        Assert.Contains("not a valid credentials file", e.Message, StringComparison.Ordinal);
    }
}
