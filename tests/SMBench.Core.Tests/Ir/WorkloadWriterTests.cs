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
    public void Large_json_workloads_are_written_compact_and_small_ones_indented()
    {
        void WriteN(string dir, int n)
        {
            using var writer = new WorkloadWriter(_tmp.Combine(dir), jsonLines: false);
            for (var i = 0; i < n; i++) writer.Write(new DeleteOp { OpId = $"{i}", ClientId = "c", TimestampUs = i, Path = "a" });
            writer.Complete();
        }
        WriteN("small", 10);
        WriteN("large", 1500);
        Assert.True(File.ReadAllLines(_tmp.Combine("small", "workload.json")).Length > 5);
        Assert.Single(File.ReadAllLines(_tmp.Combine("large", "workload.json")));
        Assert.Equal(1500, WorkloadReader.Open(_tmp.Combine("large")).ReadOperations().Count());
    }
}
