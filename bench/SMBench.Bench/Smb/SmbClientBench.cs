using System.Diagnostics;
using SMBench.Bench.Replay;
using SMBench.Smb.Client;
using SMBench.Smb.Protocol;

namespace SMBench.Bench.Smb;

/// <summary>
/// Our SMB client against a real server: 4 KiB reads, 64 KiB writes, open/close and ECHO (ops/s, p50/p99) with N
/// concurrent workers each on its own connection; then memory per idle authenticated connection and the time to
/// open that many sessions.
/// </summary>
public sealed class SmbClientBench : IBenchHarness
{
    public string Name => "smb-client";

    public string Description =>
        "SMB client ops/s and latency vs smbtorture, memory per idle session (--start-smbd | --port N --user U --password-env VAR)";

    public async Task<int> RunAsync(string[] args)
    {
        var o = Parse(args);
        if (o == null)
        {
            Console.Error.WriteLine("usage: smb-client (--start-smbd | --port N --user U --password-env VAR [--host H] [--share S])" +
                                    " [--concurrency C] [--seconds S] [--idle N] [--torture yes|no] [--rounds N] [--only echo,read-4k,write-64k,open-close,open-close-root]" +
                                    " [--receive epoll|runtime] [--signing always|when-required]");
            return 2;
        }
        // A private smbd (root + Samba needed) so ours and smbtorture run against the same server in the same run.
        await using var smbd = o.StartSmbd ? await BenchSmbd.StartAsync() : null;
        if (smbd != null) o = o with { Port = smbd.Port, User = BenchSmbd.User, Password = BenchSmbd.Password, Share = BenchSmbd.Share };
        // epoll: SMBench's own receive threads (the default); runtime: .NET's socket engine, for comparison.
        // when-required: sign only if a side requires it, as smbtorture (and pre-24H2 Windows) does: the same work as the peer.
        var options = new SmbConnectionOptions
        {
            DedicatedReceiveThreads = o.Receive != "runtime", SignOnlyWhenRequired = o.Signing == "when-required",
        };
        Console.WriteLine($"server {o.Host}:{o.Port} share {o.Share}, {o.Concurrency} workers, {o.Seconds} s per test, " +
                          $"receive {(options.DedicatedReceiveThreads ? "epoll" : "runtime")}, signing {o.Signing}");
        var workers = new List<(SmbConnection C, SmbTree T)>();
        for (var i = 0; i < o.Concurrency; i++)
        {
            var c = await SmbConnection.ConnectAsync(o.Host, o.Port, options);
            var s = await c.LoginAsync(o.User, null, o.Password);
            workers.Add((c, await s.TreeConnectAsync(o.Share)));
        }
        Console.WriteLine($"dialect {workers[0].C.Dialect}, signing {workers[0].C.SigningAlgorithm}, " +
                          $"file requests {(workers[0].T.Session.SignRequests ? "signed" : "unsigned")}");
        Console.WriteLine($"{"test",-15} {"ops",10} {"ops/s",10} {"p50 ms",8} {"p99 ms",8}   peer");

        var files = new List<SmbFile>();
        for (var i = 0; i < workers.Count; i++)
        {
            var f = await workers[i].T.CreateAsync($"bench-{i}.bin", FileAccessMask.GenericRead | FileAccessMask.GenericWrite,
                ShareAccess.Read | ShareAccess.Write, CreateDisposition.OverwriteIf);
            await f.WriteAsync(0, new byte[1024 * 1024]);
            files.Add(f);
        }
        var block4 = new byte[4096];
        var block64 = new byte[65536];
        var torture = o.Torture && o.Host == "127.0.0.1" && await Task.Run(SmbtorturePeer.Available);
        // Each test runs --rounds times, alternating with its smbtorture peer (when there is one) so that a change in
        // the shared machine's load hits both sides; the ratio reported is the median of the per-round ratios.
        await CompareAsync("echo", o, torture ? "smb2.bench.echo" : null, i => workers[i].C.EchoAsync());
        await CompareAsync("read-4k", o, null, i => files[i].ReadAsync(Random.Shared.Next(256) * 4096L, block4));
        await CompareAsync("write-64k", o, null, i => files[i].WriteAsync(Random.Shared.Next(16) * 65536L, block64));
        await CompareAsync("open-close", o, null, async i =>
        {
            var f = await workers[i].T.CreateAsync($"bench-{i}.bin", FileAccessMask.GenericRead, ShareAccess.Read | ShareAccess.Write,
                CreateDisposition.Open);
            await f.CloseAsync();
        });
        // smbtorture's path-contention-shared: open the share root for FILE_READ_ATTRIBUTES only (a stat open on the
        // server), share all, then close. Its opens/s is open/close pairs per second, like ours.
        var statOpen = new SMBench.Smb.Messages.CreateRequest
        {
            Name = "", DesiredAccess = FileAccessMask.ReadAttributes, ShareAccess = ShareAccess.Read | ShareAccess.Write | ShareAccess.Delete,
            CreateDisposition = CreateDisposition.Open, CreateOptions = CreateOptions.OpenReparsePoint,
        };
        await CompareAsync("open-close-root", o, torture ? "smb2.bench.path-contention-shared" : null, async i =>
        {
            var f = await workers[i].T.CreateAsync(statOpen);
            await f.CloseAsync();
        });
        foreach (var f in files) await f.CloseAsync();
        foreach (var (c, _) in workers) await c.DisposeAsync();

        if (o.Idle > 0) await IdleConnectionsAsync(o);
        return 0;
    }

    private static async Task CompareAsync(string name, Options o, string? peer, Func<int, Task> op)
    {
        if (o.Only != null && !o.Only.Contains(name)) return;
        var ratios = new List<double>();
        for (var round = 0; round < o.Rounds; round++)
        {
            var ours = await RunAsync(name, o, op);
            if (peer == null) continue;
            // Off the current thread: with inline socket completions this continuation may run on the socket engine's
            // thread, and waiting there for smbtorture's output (read through that same engine) would never end.
            var rate = await Task.Run(() => SmbtorturePeer.Rate(peer, o.Port, o.Share, o.User, o.Password, o.Concurrency, o.Seconds));
            if (rate is not { } r)
            {
                Console.WriteLine($"{"",-12} {peer}: no rate");
                continue;
            }
            ratios.Add(ours / r);
            Console.WriteLine($"{"",-15} {"",10} {r,10:F0} {"",8} {"",8}   {peer} (median of its per-second rates), ours/peer {ours / r:F2}");
        }
        if (ratios.Count > 1) Console.WriteLine($"{name}: median ours/peer over {ratios.Count} rounds {ratios.Order().ElementAt(ratios.Count / 2):F2}");
    }

    private static async Task<double> RunAsync(string name, Options o, Func<int, Task> op)
    {
        var samples = new List<long>[o.Concurrency];
        var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var gcBefore = GC.GetTotalAllocatedBytes(precise: false);
        var switchesBefore = ContextSwitches.Now();
        var stop = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(o.Seconds);
        await Task.WhenAll(Enumerable.Range(0, o.Concurrency).Select(async i =>
        {
            var mine = samples[i] = new List<long>(100_000);
            while (stop.Elapsed < deadline)
            {
                var t = Stopwatch.GetTimestamp();
                await op(i);
                mine.Add(Stopwatch.GetTimestamp() - t);
            }
        }));
        var elapsed = stop.Elapsed.TotalSeconds;
        self.Refresh();
        var cpuUs = (self.TotalProcessorTime - cpuBefore).TotalMicroseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - gcBefore;
        var switches = ContextSwitches.Now();
        var all = samples.SelectMany(s => s).Order().ToArray();
        double Ms(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1000.0 / Stopwatch.Frequency;
        var n = Math.Max(1, all.Length);
        Console.WriteLine($"{name,-15} {all.Length,10} {all.Length / elapsed,10:F0} {Ms(0.50),8:F3} {Ms(0.99),8:F3}   " +
                          $"client CPU {cpuUs / n:F1} µs/op, {allocated / n} B/op, " +
                          $"{(switches.Voluntary - switchesBefore.Voluntary) / (double)n:F2} voluntary + " +
                          $"{(switches.Involuntary - switchesBefore.Involuntary) / (double)n:F2} involuntary context switches/op");
        return all.Length / elapsed;
    }

    private static async Task IdleConnectionsAsync(Options o)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var managedBefore = GC.GetTotalMemory(true);
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        var connections = new List<SmbConnection>(o.Idle);
        var trees = new List<SmbTree>(o.Idle);
        var clock = Stopwatch.StartNew();
        // Open in waves so the server's accept queue and the shared machine are not flooded at once.
        for (var start = 0; start < o.Idle; start += 50)
        {
            var wave = await Task.WhenAll(Enumerable.Range(start, Math.Min(50, o.Idle - start)).Select(async _ =>
            {
                var c = await SmbConnection.ConnectAsync(o.Host, o.Port);
                var s = await c.LoginAsync(o.User, null, o.Password);
                return (c, await s.TreeConnectAsync(o.Share));
            }));
            foreach (var (c, t) in wave)
            {
                connections.Add(c);
                trees.Add(t);
            }
        }
        var openSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(1000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var managedAfter = GC.GetTotalMemory(true);
        Process.GetCurrentProcess().Refresh();
        var rssAfter = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"{o.Idle} authenticated connections (connect+negotiate+login+tree) opened in {openSeconds:F2} s " +
                          $"({o.Idle / openSeconds:F0}/s)");
        Console.WriteLine($"per idle connection: managed heap {(managedAfter - managedBefore) / o.Idle / 1024.0:F1} KiB, " +
                          $"process RSS {(rssAfter - rssBefore) / o.Idle / 1024.0:F1} KiB");
        GC.KeepAlive(trees);
        foreach (var c in connections) await c.DisposeAsync();
    }

    private sealed record Options(string Host, int Port, string User, string Password, string Share, int Concurrency, int Seconds, int Idle,
        bool StartSmbd, bool Torture, string[]? Only, int Rounds, string Receive, string Signing);

    private static Options? Parse(string[] args)
    {
        var start = args.Contains("--start-smbd");
        args = [.. args.Where(a => a != "--start-smbd")];
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) map[args[i]] = args[i + 1];
        string? port = "0", user = "", password = "";
        if (!start)
        {
            if (!map.TryGetValue("--port", out port) || !map.TryGetValue("--user", out user)) return null;
            password = map.TryGetValue("--password-env", out var env) ? Environment.GetEnvironmentVariable(env) : null;
            if (password == null) return null;
        }
        return new Options(map.GetValueOrDefault("--host", "127.0.0.1"), int.Parse(port, System.Globalization.CultureInfo.InvariantCulture),
            user, password, map.GetValueOrDefault("--share", "share"),
            int.Parse(map.GetValueOrDefault("--concurrency", "4"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(map.GetValueOrDefault("--seconds", "5"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(map.GetValueOrDefault("--idle", "1000"), System.Globalization.CultureInfo.InvariantCulture),
            start, map.GetValueOrDefault("--torture", "yes") != "no", map.GetValueOrDefault("--only")?.Split(','),
            int.Parse(map.GetValueOrDefault("--rounds", "1"), System.Globalization.CultureInfo.InvariantCulture),
            map.GetValueOrDefault("--receive", "epoll"), map.GetValueOrDefault("--signing", "always"));
    }
}
