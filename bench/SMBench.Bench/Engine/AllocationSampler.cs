using System.Diagnostics.Tracing;

namespace SMBench.Bench.Engine;

/// <summary>
/// Which types a row allocates, from the runtime's allocation ticks (one event per ~100 KB allocated, naming the
/// type that crossed the mark): enough to rank the sources of GC pressure. On with SMBENCH_BENCH_ALLOC=1.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = [];

    public static AllocationSampler? StartIfAsked() =>
        Environment.GetEnvironmentVariable("SMBENCH_BENCH_ALLOC") == "1" ? new AllocationSampler() : null;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload == null) return;
        var type = e.PayloadNames?.IndexOf("TypeName") is int t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames?.IndexOf("AllocationAmount64") is int a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytesByType) _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
    }

    public void Print(string row, int top = 15)
    {
        lock (_bytesByType)
        {
            var total = Math.Max(1, _bytesByType.Values.Sum());
            Console.WriteLine($"allocations by type, {row} (sampled):");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(kv => kv.Value).Take(top))
                Console.WriteLine($"  {100.0 * bytes / total,5:0.0} %  {type}");
        }
    }
}
