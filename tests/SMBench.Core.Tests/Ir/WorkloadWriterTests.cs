using SMBench.Core.Ir;
using SMBench.Core.Tests.Support;
using Xunit;

namespace SMBench.Core.Tests.Ir;

public sealed class WorkloadWriterTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Given_clients_and_duration_are_kept_and_counted(bool jsonLines)
    {
        using (var writer = new WorkloadWriter(_tmp.Combine("w"), jsonLines))
        {
            writer.Write(new DeleteOp { OpId = "1", ClientId = "c1", TimestampUs = 500, Path = "a" });
            Assert.Equal(1, writer.OperationCount);
            writer.Complete(new WorkloadMetadata { DurationSeconds = 12.5 },
                [new ClientInfo { ClientId = "c1", OperationCount = 1 }, new ClientInfo { ClientId = "idle", OperationCount = 0 }]);
        }
        var h = WorkloadReader.Open(_tmp.Combine("w")).Header;
        Assert.Equal(12.5, h.Metadata.DurationSeconds);
        Assert.Equal(["c1", "idle"], h.Clients.Select(c => c.ClientId));
        Assert.Equal(2, h.Metadata.ClientCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_empty_workload_is_written_and_reads_back_empty(bool jsonLines)
    {
        using (var writer = new WorkloadWriter(_tmp.Combine("w"), jsonLines)) writer.Complete();
        var reader = WorkloadReader.Open(_tmp.Combine("w"));
        Assert.Empty(reader.ReadOperations());
        Assert.Empty(reader.Header.Clients);
        Assert.Equal(0, reader.Header.Metadata.DurationSeconds);
    }

    [Fact]
    public void Disposing_without_complete_leaves_no_workload_and_no_temporary_file()
    {
        using (var writer = new WorkloadWriter(_tmp.Combine("w")))
            writer.Write(new DeleteOp { OpId = "1", ClientId = "c1", TimestampUs = 0, Path = "a" });
        Assert.Empty(Directory.GetFiles(_tmp.Combine("w")));
    }

    [Fact]
    public void Json_workloads_have_one_op_per_line_small_or_large()
    {
        void WriteN(string dir, int n)
        {
            using var writer = new WorkloadWriter(_tmp.Combine(dir), jsonLines: false);
            for (var i = 0; i < n; i++) writer.Write(new DeleteOp { OpId = $"{i}", ClientId = "c", TimestampUs = i, Path = "a" });
            writer.Complete();
        }
        WriteN("small", 10);
        WriteN("large", 1500);
        foreach (var (dir, n) in new[] { ("small", 10), ("large", 1500) })
        {
            var lines = File.ReadAllLines(_tmp.Combine(dir, "workload.json"));
            Assert.Equal(n, lines.Count(l => l.TrimStart().StartsWith("{\"op_id\"", StringComparison.Ordinal)));
            var ops = WorkloadReader.Open(_tmp.Combine(dir)).ReadOperations().ToList();
            Assert.Equal(n, ops.Count);
            Assert.Equal(n, ops.Select(o => o.SourceLine).Distinct().Count());
            Assert.All(ops, o => Assert.StartsWith("{\"op_id\":\"" + o.OpId + "\"", lines[o.SourceLine - 1].TrimStart(), StringComparison.Ordinal));
        }
    }
}
