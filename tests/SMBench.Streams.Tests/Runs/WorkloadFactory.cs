using SMBench.TestSupport;
using SMBench.Core.Ir;

namespace SMBench.Streams.Tests.Runs;

/// <summary>Builds workloads on disk for replay tests.</summary>
internal static class WorkloadFactory
{
    public static string RepoRoot() => RepoPaths.Root;

    public static string SeedExample => RepoPaths.SeedExample;

    /// <summary><paramref name="clients"/> clients each doing open/write/read/close cycles, spread over <paramref name="spanUs"/>.</summary>
    public static string Cycles(string dir, int clients, int cyclesPerClient, long spanUs)
    {
        using var writer = new WorkloadWriter(dir);
        var total = clients * cyclesPerClient * 4;
        var n = 0;
        for (var cycle = 0; cycle < cyclesPerClient; cycle++)
            for (var c = 0; c < clients; c++)
            {
                var client = $"client_{c:000}";
                var h = $"h{cycle}";
                IrOperation[] ops =
                [
                    new OpenOp { OpId = "", ClientId = client, TimestampUs = 0, Path = $"{client}/f{cycle % 3}.dat", Mode = OpenMode.ReadWrite, Handle = h },
                    new WriteOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h, Offset = 0, Length = 512 },
                    new ReadOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h, Offset = 0, Length = 512 },
                    new CloseOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h },
                ];
                foreach (var op in ops)
                {
                    var ts = spanUs * n / Math.Max(1, total);
                    writer.Write(op with { OpId = $"op_{n:0000000}", TimestampUs = ts });
                    n++;
                }
            }
        writer.Complete(new WorkloadMetadata { Source = "generated cycles" });
        return dir;
    }
}
