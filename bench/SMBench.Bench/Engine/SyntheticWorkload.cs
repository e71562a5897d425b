using SMBench.Core.Ir;

namespace SMBench.Bench.Engine;

/// <summary>Writes open/read/write/close cycles for many clients at a fixed aggregate rate (JSON Lines).</summary>
internal static class SyntheticWorkload
{
    /// <param name="opsPerSecond">Aggregate rate; 0 puts every op at timestamp 0.</param>
    public static string Create(string dir, int clients, long totalOps, double opsPerSecond)
    {
        if (File.Exists(Path.Combine(dir, WorkloadReader.JsonLinesFileName))) return dir;
        using var writer = new WorkloadWriter(dir);
        var cycle = new long[clients];
        for (long n = 0; n < totalOps;)
        {
            for (var c = 0; c < clients && n < totalOps; c++)
            {
                var client = $"c{c:00000}";
                var h = $"h{cycle[c]++}";
                for (var k = 0; k < 4 && n < totalOps; k++, n++)
                {
                    var ts = opsPerSecond > 0 ? (long)(n * 1_000_000 / opsPerSecond) : 0;
                    IrOperation op = k switch
                    {
                        0 => new OpenOp { OpId = "", ClientId = client, TimestampUs = 0, Path = $"{client}/f.dat", Mode = OpenMode.ReadWrite, Handle = h },
                        1 => new WriteOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h, Offset = 0, Length = 4096 },
                        2 => new ReadOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h, Offset = 0, Length = 4096 },
                        _ => new CloseOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h },
                    };
                    writer.Write(op with { OpId = n.ToString(), TimestampUs = ts });
                }
            }
        }
        writer.Complete(new WorkloadMetadata { Source = $"synthetic: {clients} clients, {totalOps} ops, {opsPerSecond} ops/s" });
        return dir;
    }
}
