using SMBench.Core.Ir;
using SMBench.Daemon.Cluster;
using SMBench.Streams.Runs;
using Xunit;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>The per-client op counts a cluster run assigns and accounts lost ops by.</summary>
public sealed class ClientOpsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "smbench-clientops-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Looped_runs_count_every_pass_and_its_closes_of_handles_left_open()
    {
        using (var w = new WorkloadWriter(_dir))
        {
            w.Write(new OpenOp { OpId = "1", ClientId = "a", TimestampUs = 0, Path = "x", Mode = OpenMode.Read, Handle = "h" });
            w.Write(new CloseOp { OpId = "2", ClientId = "a", TimestampUs = 1, Handle = "h" });
            // b never closes its handle: each looped pass adds a close for it
            w.Write(new OpenOp { OpId = "3", ClientId = "b", TimestampUs = 0, Path = "y", Mode = OpenMode.Read, Handle = "h" });
            w.Complete();
        }
        Assert.Equal([new ClientOps("a", 2), new ClientOps("b", 1)], ClientOps.From(Report(), ReplayLoop.Once));
        Assert.Equal([new ClientOps("a", 6), new ClientOps("b", 6)], ClientOps.From(Report(), new ReplayLoop(3)));
        // A duration's pass count is unknown ahead: one pass.
        Assert.Equal([new ClientOps("a", 2), new ClientOps("b", 1)], ClientOps.From(Report(), new ReplayLoop(3, TimeSpan.FromSeconds(5))));
    }

    private SMBench.Core.Ir.Validation.ValidationReport Report() => new SMBench.Core.Ir.Validation.WorkloadValidator().Validate(_dir);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }
}
