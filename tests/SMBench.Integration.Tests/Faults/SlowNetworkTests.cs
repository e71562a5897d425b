using System.Net;
using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Smb;
using SMBench.Core.Credentials;
using SMBench.Core.Results;
using SMBench.Integration.Tests.Replay;
using SMBench.Smb.Client;
using SMBench.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace SMBench.Integration.Tests.Faults;

/// <summary>
/// A slow, lossy or stalling network between the clients and smbd. smbd runs in a network namespace the test makes,
/// reached over a veth pair shaped with tbf (rate limit, and a short queue that drops what overflows, so TCP really
/// retransmits). Delay, stalls and connection drops come from <see cref="ImpairedTcpProxy"/> on the host side, since
/// this kernel has no sch_netem; when netem is there, it adds delay and loss on the veth as well.
/// </summary>
public sealed class SlowNetworkTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-fault-net-").FullName;
    private readonly string _root = "net-" + Guid.NewGuid().ToString("N")[..8];

    private sealed record Lab(NetNamespace Net, SambaServer Smbd, ImpairedTcpProxy Proxy) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Proxy.DisposeAsync();
            await Smbd.DisposeAsync();
            Net.Dispose();
        }
    }

    private async Task<Lab> StartAsync(string rate, int limitBytes, TimeSpan delay)
    {
        var net = NetNamespace.Create();
        try
        {
            if (net.TryNetem("delay 10ms loss 0.5%", out var error)) output.WriteLine("netem: delay 10 ms, loss 0.5 % on the host veth");
            else output.WriteLine($"no netem here ({error}); shaping with tbf, delay from the proxy");
            net.Shape(rate, burstBytes: 16 * 1024, limitBytes: limitBytes);
            var smbd = await SambaServer.StartAsync(ReplaySambaFixture.Options with { Address = net.InnerAddress, NetNamespace = net.Name });
            var proxy = new ImpairedTcpProxy(new IPEndPoint(IPAddress.Parse(net.InnerAddress), smbd.Port), delay);
            return new Lab(net, smbd, proxy);
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    private SmbBackend Backend(Lab lab, ReplayMode mode, TimeSpan? keepAlive = null) =>
        new(new SmbTarget("127.0.0.1", lab.Proxy.Port, lab.Smbd.ShareName, _root),
            _ => new Credential(null, lab.Smbd.UserName, lab.Smbd.Password), mode, null,
            keepAlive == null ? null : new SmbConnectionOptions { KeepAliveInterval = keepAlive });

    /// <summary>128 KiB reads and writes (two credits each), eight in flight per client, over 16 Mbit/s and 2×20 ms.</summary>
    [RequiresNetNamespaceFact]
    public async Task Large_io_over_a_slow_rate_limited_link_completes_with_every_byte()
    {
        await using var lab = await StartAsync("16mbit", 256 * 1024, TimeSpan.FromMilliseconds(20));
        const int clients = 3, steps = 8, block = 128 * 1024;
        var workload = FaultWorkload.Write(Path.Combine(_tmp, "w"), clients, steps, 20, ReplayMode.Mvp, block);
        var results = Path.Combine(_tmp, "r");

        var finished = await FaultRun.ReplayAsync(Backend(lab, ReplayMode.Mvp), workload, ReplayMode.Mvp, results, maxInFlight: 8);

        var records = JournalChecks.ReadIntact(Path.Combine(results, ResultsJournal.FileName));
        Assert.Equal("completed", finished.Summary.State);
        Assert.Equal(FaultWorkload.Count(workload), records.Count);
        JournalChecks.OnlyStatuses(records, StatusText.Success);
        Assert.All(records.Values.Where(r => r.GetProperty("type").GetString() == "read"),
            r => Assert.Equal(steps * block, r.GetProperty("bytes").GetInt64()));
        for (var c = 0; c < clients; c++)
            Assert.Equal(steps * block, new FileInfo(Path.Combine(lab.Smbd.SharePath, _root, $"client_{c:D2}", "long.bin")).Length);
        output.WriteLine($"{records.Count} ops, p99 latency {finished.Summary.LatencyMs.P99} ms, {lab.Net.Dropped()} packets dropped by tbf");
    }

    /// <summary>
    /// The path goes black mid-run (sockets up, nothing passes): keepalive ECHOs go unanswered, the client gives the
    /// connection up, the ops waiting on it fail as lost, the next op reconnects on a fresh path. Nothing hangs.
    /// </summary>
    [RequiresNetNamespaceFact]
    public async Task A_stalled_path_is_detected_by_keepalive_and_the_clients_reconnect()
    {
        await using var lab = await StartAsync("32mbit", 256 * 1024, TimeSpan.FromMilliseconds(5));
        const int clients = 3;
        var workload = FaultWorkload.Write(Path.Combine(_tmp, "w"), clients, 40, 100, ReplayMode.Mvp);
        var results = Path.Combine(_tmp, "r");
        var journal = Path.Combine(results, ResultsJournal.FileName);

        var replay = FaultRun.ReplayAsync(Backend(lab, ReplayMode.Mvp, keepAlive: TimeSpan.FromSeconds(1)), workload,
            ReplayMode.Mvp, results);
        await FaultRun.WaitForRecordsAsync(journal, clients * 6, replay);
        Assert.True(lab.Proxy.StallExisting() >= clients); // every client's connection goes black
        var finished = await replay;

        var records = JournalChecks.ReadIntact(journal);
        Assert.Equal("completed", finished.Summary.State);
        Assert.Equal(FaultWorkload.Count(workload), records.Count);
        JournalChecks.OnlyStatuses(records, StatusText.Success, ReplayStatus.ConnectionLost, ReplayStatus.DependencyFailed);
        Assert.Contains(records.Values, r => r.Status() == ReplayStatus.ConnectionLost
                                             && r.GetProperty("error").GetString()!.Contains("ECHO", StringComparison.Ordinal));
        Assert.True(finished.Summary.Reconnects >= clients, JournalChecks.Counts(records));
        Assert.All(FaultWorkload.LastShortCycles(workload), op => Assert.Equal(StatusText.Success, records[op.OpId].Status()));
        output.WriteLine($"{JournalChecks.Counts(records)}; reconnects {finished.Summary.Reconnects}");
    }

    /// <summary>A lossy link (tbf's short queue drops bursts) whose connections are also dropped twice mid-run.</summary>
    [RequiresNetNamespaceFact]
    public async Task A_lossy_link_with_dropped_connections_finishes_with_one_record_per_op()
    {
        await using var lab = await StartAsync("8mbit", 24 * 1024, TimeSpan.FromMilliseconds(10));
        const int clients = 4;
        var workload = FaultWorkload.Write(Path.Combine(_tmp, "w"), clients, 40, 100, ReplayMode.Mvp, block: 32 * 1024);
        var results = Path.Combine(_tmp, "r");
        var journal = Path.Combine(results, ResultsJournal.FileName);

        var replay = FaultRun.ReplayAsync(Backend(lab, ReplayMode.Mvp, keepAlive: TimeSpan.FromSeconds(2)), workload,
            ReplayMode.Mvp, results, maxInFlight: 4);
        await FaultRun.WaitForRecordsAsync(journal, clients * 6, replay);
        lab.Proxy.CutAll();
        await FaultRun.WaitForRecordsAsync(journal, clients * 20, replay);
        lab.Proxy.CutAll();
        var finished = await replay;

        var records = JournalChecks.ReadIntact(journal);
        Assert.Equal("completed", finished.Summary.State);
        Assert.Equal(FaultWorkload.Count(workload), records.Count);
        JournalChecks.OnlyStatuses(records, StatusText.Success, ReplayStatus.ConnectionLost, ReplayStatus.DependencyFailed);
        Assert.True(finished.Summary.Reconnects >= clients, JournalChecks.Counts(records));
        var dropped = lab.Net.Dropped();
        Assert.True(dropped > 0, "the shaped link dropped nothing: the loss model did not engage");
        output.WriteLine($"{JournalChecks.Counts(records)}; reconnects {finished.Summary.Reconnects}; {dropped} packets dropped");
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
