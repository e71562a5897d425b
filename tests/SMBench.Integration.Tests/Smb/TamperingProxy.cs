using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SMBench.Smb.Protocol;

namespace SMBench.Integration.Tests.Smb;

/// <summary>
/// A loopback TCP proxy in front of a real server that passes the client's bytes through and rewrites the server's
/// messages with <c>tamper</c> (frame by frame, after the 4-byte prefix): a man in the middle for signing tests.
/// </summary>
internal sealed class TamperingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly Task _accept;

    /// <param name="tamper">Called with each server message; changes it in place.</param>
    public TamperingProxy(int serverPort, Action<byte[]> tamper)
    {
        _listener.Start();
        _accept = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptSocketAsync(_stop.Token);
                    var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await server.ConnectAsync(IPAddress.Loopback, serverPort, _stop.Token);
                    lock (_sockets) _sockets.AddRange([client, server]);
                    _ = PumpAsync(client, server, null);
                    _ = PumpAsync(server, client, tamper);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task PumpAsync(Socket from, Socket to, Action<byte[]>? tamper)
    {
        try
        {
            var prefix = new byte[4];
            while (await ReadExactlyAsync(from, prefix))
            {
                var message = new byte[BinaryPrimitives.ReadInt32BigEndian(prefix) & 0x00FF_FFFF];
                if (!await ReadExactlyAsync(from, message)) break;
                tamper?.Invoke(message);
                await to.SendAsync(prefix, _stop.Token);
                await to.SendAsync(message, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        try { to.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    private async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), _stop.Token);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    /// <summary>True for a signed, unencrypted SMB2 response carrying <paramref name="command"/>.</summary>
    public static bool IsSignedResponse(byte[] message, Smb2Command command) =>
        Smb2Header.HasProtocolId(message) && message.Length >= Smb2Header.Size
        && Smb2Header.Parse(message) is { IsResponse: true, IsSigned: true } h && h.Command == command;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_sockets) foreach (var s in _sockets) s.Dispose();
        await _accept;
        _listener.Dispose();
        _stop.Dispose();
    }
}
