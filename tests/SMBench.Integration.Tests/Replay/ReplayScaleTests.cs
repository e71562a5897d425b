using SMBench.Actors.Backends;
using SMBench.Core.Ir;
using SMBench.Integration.Tests.Smb;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Replay;

/// <summary>Many simulated clients at once, each with its own connection and smbd process.</summary>
public sealed class ReplayScaleTests(ReplaySambaFixture fixture) : IClassFixture<ReplaySambaFixture>, IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-replay-scale-").FullName;

    /// <summary>Each client: open its own file, 24 writes, 24 reads, close (50 ops). Full mode with an RWH lease.</summary>
    public static string Generate(string dir, int clients, int opsPerClient, bool leases)
    {
        using var writer = new WorkloadWriter(dir);
        var rw = (opsPerClient - 2) / 2;
        for (var c = 0; c < clients; c++)
        {
            var client = $"c{c:D4}";
            long t = c * 10;
            var n = 0;
            string Id() => $"{client}-{n++:D3}";
            writer.Write(new OpenOp
            {
                OpId = Id(), ClientId = client, TimestampUs = t, Path = $"clients/{client}.bin", Mode = OpenMode.ReadWrite, Handle = "h",
                Smb = new SmbOpExtensions
                {
                    AccessMask = 0x0012_019F, ShareAccess = 7, Disposition = 5, CreateOptions = 0x40,
                    RequestedOplock = leases ? (byte)0xFF : (byte)0,
                    Lease = leases ? new LeaseRequest($"{c:x32}", "RWH") : null,
                },
            });
            for (var i = 0; i < rw; i++)
                writer.Write(new WriteOp { OpId = Id(), ClientId = client, TimestampUs = t + 1 + i, Handle = "h", Offset = i * 4096L, Length = 4096 });
            for (var i = 0; i < rw; i++)
                writer.Write(new ReadOp { OpId = Id(), ClientId = client, TimestampUs = t + 100 + i, Handle = "h", Offset = i * 4096L, Length = 4096 });
            writer.Write(new CloseOp { OpId = Id(), ClientId = client, TimestampUs = t + 200, Handle = "h" });
        }
        writer.Complete();
        return dir;
    }

    [RequiresSambaTheory]
    [InlineData(ReplayMode.Mvp)]
    [InlineData(ReplayMode.Full)]
    public async Task Two_hundred_clients_of_fifty_ops_replay_concurrently_without_a_failure(ReplayMode mode)
    {
        var root = "scale-" + Guid.NewGuid().ToString("N")[..8];
        SmbReplay.MakeShareDir(fixture.Smbd, root + "/clients");
        var workload = Generate(Path.Combine(_tmp, "w"), 200, 50, leases: mode == ReplayMode.Full);

        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, mode, root), workload, mode, Path.Combine(_tmp, "r"),
            timeScale: 0, ct: SmbReplay.Timeout(300));

        Assert.True(!run.Failures().Any(), string.Join("\n", run.Failures().Take(20)));
        Assert.Equal(10_000, run.Summary.OpsOk);
        Assert.Equal(200, run.Summary.Clients);
        Assert.All(run.Ops.Values.Where(o => o.GetProperty("type").GetString() == "read"),
            r => Assert.Equal(4096, r.GetProperty("bytes").GetInt64()));
        Assert.Equal(200, Directory.GetFiles(Path.Combine(fixture.Smbd.SharePath, root, "clients")).Length);
        Assert.All(Directory.GetFiles(Path.Combine(fixture.Smbd.SharePath, root, "clients")),
            f => Assert.Equal(24 * 4096, new FileInfo(f).Length));
    }

    /// <summary>
    /// --connections shared:8 — 200 clients, each its own login, over 8 TCP connections: every op succeeds and the
    /// kernel never shows more than 8 connections from us to the server while the run goes on.
    /// </summary>
    [RequiresSambaTheory]
    [InlineData(ReplayMode.Mvp)]
    [InlineData(ReplayMode.Full)]
    public async Task Two_hundred_clients_share_eight_connections(ReplayMode mode)
    {
        var root = "shared-" + Guid.NewGuid().ToString("N")[..8];
        SmbReplay.MakeShareDir(fixture.Smbd, root + "/clients");
        var workload = Generate(Path.Combine(_tmp, "w"), 200, 50, leases: mode == ReplayMode.Full);
        var most = 0;
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                most = Math.Max(most, EstablishedTo(fixture.Smbd.Port));
                await Task.Delay(20);
            }
        });

        var run = await SmbReplay.RunAsync(SmbReplay.Backend(fixture.Smbd, mode, root, sharedConnections: 8), workload, mode,
            Path.Combine(_tmp, "r"), timeScale: 0, ct: SmbReplay.Timeout(300));
        await stop.CancelAsync();
        await watcher;

        Assert.True(!run.Failures().Any(), string.Join("\n", run.Failures().Take(20)));
        Assert.Equal(10_000, run.Summary.OpsOk);
        Assert.Equal(200, run.Summary.Clients);
        Assert.InRange(most, 1, 8);
        Assert.All(Directory.GetFiles(Path.Combine(fixture.Smbd.SharePath, root, "clients")),
            f => Assert.Equal(24 * 4096, new FileInfo(f).Length));
    }

    /// <summary>Established IPv4/IPv6 TCP connections whose remote port is <paramref name="port"/> (our side of them).</summary>
    private static int EstablishedTo(int port)
    {
        var hex = $":{port:X4} ";
        var n = 0;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length > 3 && f[3] == "01" && (f[2] + " ").EndsWith(hex, StringComparison.Ordinal)) n++;
            }
        }
        return n;
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
