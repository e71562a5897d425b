using SMBench.Actors.Backends;
using SMBench.Core.Ir;
using static SMBench.Integration.Tests.Replay.Ir;

namespace SMBench.Integration.Tests.Faults;

/// <summary>
/// The workload the fault tests replay: every client keeps one long-lived file open (durable with a lease in full
/// mode) and writes a block to it every step; every fifth step it also opens, writes and closes a short-lived file;
/// at the end it reads the long file back and closes it. Op ids are <c>c{client}-{n}</c>.
/// </summary>
internal static class FaultWorkload
{
    public const int Block = 4096;

    public static string Write(string dir, int clients, int steps, int stepMs, ReplayMode mode, int block = Block)
    {
        var ops = new List<IrOperation>();
        for (var c = 0; c < clients; c++)
        {
            var client = $"client_{c:D2}";
            var n = 0;
            string Id() => $"c{c:D2}-{n++:D4}";
            SmbOpExtensions? longExt = mode switch
            {
                ReplayMode.Full => Ext(disposition: OverwriteIf,
                    lease: new LeaseRequest($"ab{c:x30}", "RWH"), durable: new DurableRequest(2, 60_000)),
                ReplayMode.Realistic => Ext(disposition: OverwriteIf),
                _ => null,
            };
            var shortExt = mode == ReplayMode.Mvp ? null : Ext(disposition: OverwriteIf);
            ops.Add(OpenFile(Id(), client, 0, $"{client}/long.bin", "long", longExt));
            for (var step = 0; step < steps; step++)
            {
                var ms = 10 + step * stepMs;
                ops.Add(WriteAt(Id(), client, ms, "long", (long)step * block, block));
                if (step % 5 != 4) continue;
                var h = $"s{step}";
                ops.Add(OpenFile(Id(), client, ms + 1, $"{client}/short-{step}.bin", h, shortExt));
                ops.Add(WriteAt(Id(), client, ms + 2, h, 0, 1024));
                ops.Add(Close(Id(), client, ms + 3, h));
            }
            var end = 10 + steps * stepMs;
            ops.Add(ReadAt(Id(), client, end, "long", 0, steps * block));
            ops.Add(Close(Id(), client, end + 1, "long"));
        }
        return Replay.Ir.Write(dir, [.. ops]);
    }

    public static int Count(string workload) => WorkloadReader.Open(workload).ReadOperations().Count();

    /// <summary>The op ids of the last short-lived cycle of each client (they run well after any fault).</summary>
    public static IEnumerable<IrOperation> LastShortCycles(string workload)
    {
        var ops = WorkloadReader.Open(workload).ReadOperations().ToList();
        return ops.GroupBy(o => o.ClientId).SelectMany(g =>
        {
            var lastOpen = g.OfType<OpenOp>().Last(o => o.Handle != "long");
            return g.Where(o => o.HandleRef == lastOpen.Handle);
        });
    }
}
