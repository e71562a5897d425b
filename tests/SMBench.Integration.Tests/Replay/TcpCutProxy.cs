using System.Net;
using System.Net.Sockets;

namespace SMBench.Integration.Tests.Replay;

/// <summary>
/// A loopback TCP forwarder in front of smbd whose connections the test can cut. Unlike killing smbd's children
/// (a server crash, after which Samba drops durable opens), a cut is a network failure both ends see: smbd keeps
/// the durable opens for the client to reclaim.
/// </summary>
internal sealed class TcpCutProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly List<(Socket Client, Socket Server)> _pairs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpCutProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted { get; private set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.NoDelay = true;
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }
            lock (_pairs)
            {
                _pairs.Add((client, server));
                Accepted++;
            }
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0) break;
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // the other side or a cut ended it
        }
        Close(to);
        Close(from);
    }

    /// <summary>Resets every connection made so far, on both sides.</summary>
    public void CutAll()
    {
        List<(Socket, Socket)> pairs;
        lock (_pairs)
        {
            pairs = [.. _pairs];
            _pairs.Clear();
        }
        foreach (var (client, server) in pairs)
        {
            Close(client);
            Close(server);
        }
    }

    private static void Close(Socket s)
    {
        try
        {
            s.LingerState = new LingerOption(true, 0); // RST, as a dropped link looks to a peer that writes
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
