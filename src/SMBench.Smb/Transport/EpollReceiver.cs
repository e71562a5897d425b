using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace SMBench.Smb.Transport;

/// <summary>A connection whose socket an <see cref="EpollReceiver"/> watches.</summary>
internal interface IReceiveTarget
{
    /// <summary>The socket is readable (or closed). Runs on a receive thread; <paramref name="scratch"/> is that thread's.</summary>
    void OnReadable(Span<byte> scratch);

    /// <summary>Something escaped <see cref="OnReadable"/>: the target fails its connection.</summary>
    void OnReceiveFailed(Exception error);
}

/// <summary>
/// Receives for SMB connections on a few threads of our own, each waiting on an epoll set of sockets. A readable
/// socket is read, its frames parsed and their callers resumed right here — the shape of smbtorture's event loop.
/// .NET's socket engine instead hands every completion from its epoll thread to the thread pool, and that wake-up
/// costs more than the request on loopback (docs/benchmarks/smb.md). Only SMB sockets are served here: the
/// runtime's process-wide inline-completion switch would move every socket's continuations (HTTP, remoting) too.
/// Code resumed after an awaited SMB call runs on a receive thread and must not block.
/// </summary>
internal sealed class EpollReceiver
{
    private const int MaxEvents = 256;
    private const int ScratchSize = 64 * 1024;
    private static readonly List<EpollReceiver> Started = [];
    private static EpollReceiver[]? _receivers;
    private static int _roundRobin;
    private static long _nextToken;
    private readonly int _epfd;
    private readonly ConcurrentDictionary<ulong, IReceiveTarget> _targets = new();

    private EpollReceiver(int index)
    {
        _epfd = Epoll.Create();
        var thread = new Thread(Run) { IsBackground = true, Name = $"smbench-smb-recv-{index}" };
        thread.Start();
    }

    /// <summary>
    /// Receive threads: <c>SMBENCH_SMB_RECEIVE_THREADS</c>, else one per core (at most 16). Each also runs the
    /// continuations of its connections' callers, so it is more than a poller: with one thread on a 2-core box the
    /// client is about as fast as smbtorture's single event loop, with two it is 1.2–1.7× (docs/benchmarks/smb.md).
    /// </summary>
    public static int ThreadCount { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SMBENCH_SMB_RECEIVE_THREADS"), out var n) && n > 0
            ? Math.Min(n, 64)
            : Math.Clamp(Environment.ProcessorCount, 1, 16);

    /// <summary>
    /// Maps <paramref name="target"/> to a receive thread; nothing is watched until <see cref="Registration.Arm"/>,
    /// so the caller can keep the registration before the first event can reach the target.
    /// </summary>
    public static Registration Prepare(SafeHandle socket, IReceiveTarget target)
    {
        var receivers = Volatile.Read(ref _receivers) ?? StartAll();
        var receiver = receivers[(uint)Interlocked.Increment(ref _roundRobin) % (uint)receivers.Length];
        var token = (ulong)Interlocked.Increment(ref _nextToken);
        receiver._targets[token] = target;
        return new Registration(receiver, token, socket);
    }

    /// <summary>Starts the threads once; a failure (out of descriptors) is not remembered, so a later call retries.</summary>
    private static EpollReceiver[] StartAll()
    {
        lock (Started)
        {
            if (_receivers != null) return _receivers;
            while (Started.Count < ThreadCount) Started.Add(new EpollReceiver(Started.Count));
            Volatile.Write(ref _receivers, [.. Started]);
            return _receivers!;
        }
    }

    private void Run()
    {
        // Pinned once, outside the young generations: epoll_wait holds the event buffer for as long as it sleeps.
        var events = GC.AllocateArray<byte>(MaxEvents * Epoll.EventSize, pinned: true);
        var scratch = GC.AllocateArray<byte>(ScratchSize, pinned: true);
        while (true)
        {
            int n;
            try
            {
                n = Epoll.Wait(_epfd, events, -1);
            }
            catch (IOException)
            {
                Thread.Sleep(10); // not expected (EBADF/EINVAL would be a bug); do not spin
                continue;
            }
            for (var i = 0; i < n; i++)
            {
                var (_, token) = Epoll.EventAt(events, i);
                // A token removed meanwhile is a connection already closed; its socket may not exist any more.
                if (!_targets.TryGetValue(token, out var target)) continue;
                try
                {
                    target.OnReadable(scratch);
                }
                catch (Exception e)
                {
                    // Only this connection fails; the thread goes on serving the others.
                    try
                    {
                        target.OnReceiveFailed(e);
                    }
                    catch (Exception)
                    {
                        _targets.TryRemove(token, out _);
                    }
                }
            }
        }
    }

    public sealed class Registration(EpollReceiver receiver, ulong token, SafeHandle socket) : IDisposable
    {
        private int _disposed;

        /// <summary>Starts watching the socket; on failure the registration is already disposed.</summary>
        public void Arm()
        {
            try
            {
                Epoll.Add(receiver._epfd, socket, token);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            receiver._targets.TryRemove(token, out _);
            Epoll.Remove(receiver._epfd, socket);
        }
    }
}
