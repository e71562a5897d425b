using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace SMBench.Integration.Tests.Faults;

/// <summary>
/// A userspace TCP forwarder that models what tc netem would, where the kernel has no netem: a one-way delay per
/// direction (every chunk is held for <see cref="Delay"/> before it is passed on, order kept, throughput not
/// capped), stalls (the connections open at that moment stop passing bytes while their sockets stay up, as a
/// black-holed path looks) and drops (connections reset on both sides).
/// </summary>
internal sealed class ImpairedTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly List<Link> _links = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ImpairedTcpProxy(IPEndPoint target, TimeSpan delay)
    {
        _target = target;
        Delay = delay;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public TimeSpan Delay { get; }
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Accepted { get; private set; }

    private sealed class Link(Socket client, Socket server)
    {
        public Socket Client { get; } = client;
        public Socket Server { get; } = server;
        public volatile bool Stalled;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.NoDelay = true;
            try { await server.ConnectAsync(_target, _stop.Token); }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                Reset(client);
                server.Dispose();
                continue;
            }
            var link = new Link(client, server);
            lock (_links)
            {
                _links.Add(link);
                Accepted++;
            }
            _ = ForwardAsync(link, client, server);
            _ = ForwardAsync(link, server, client);
        }
    }

    /// <summary>Reads as fast as the peer sends; a second task passes each chunk on once its delay is over.</summary>
    private async Task ForwardAsync(Link link, Socket from, Socket to)
    {
        var chunks = Channel.CreateUnbounded<(long Due, byte[] Data)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var sending = SendDelayedAsync(link, chunks.Reader, to);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0) break;
                chunks.Writer.TryWrite((Stopwatch.GetTimestamp() + (long)(Delay.TotalSeconds * Stopwatch.Frequency), buffer[..n]));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        chunks.Writer.TryComplete();
        await sending;
        Reset(to);
        Reset(from);
    }

    private async Task SendDelayedAsync(Link link, ChannelReader<(long Due, byte[] Data)> chunks, Socket to)
    {
        try
        {
            await foreach (var (due, data) in chunks.ReadAllAsync(_stop.Token))
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _stop.Token);
                while (link.Stalled) await Task.Delay(50, _stop.Token);
                await to.SendAsync(data, SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { }
    }

    /// <summary>Every connection open now stops passing bytes (both ways) and never resumes; new ones are fine.</summary>
    public int StallExisting()
    {
        lock (_links)
        {
            foreach (var l in _links) l.Stalled = true;
            return _links.Count;
        }
    }

    /// <summary>Resets every connection open now, on both sides.</summary>
    public int CutAll()
    {
        List<Link> links;
        lock (_links)
        {
            links = [.. _links];
            _links.Clear();
        }
        foreach (var l in links)
        {
            Reset(l.Client);
            Reset(l.Server);
        }
        return links.Count;
    }

    private static void Reset(Socket s)
    {
        try
        {
            s.LingerState = new LingerOption(true, 0);
            s.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        CutAll();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }
}
