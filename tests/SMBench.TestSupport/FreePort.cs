using System.Net;
using System.Net.Sockets;

namespace SMBench.TestSupport;

public static class FreePort
{
    /// <summary>A TCP port free on 127.0.0.1 right now (the OS picks it).</summary>
    public static int Next()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static async Task WaitListeningAsync(int port, TimeSpan timeout, Func<string>? diagnostics = null, IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync(address, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"nothing listened on {address}:{port} within {timeout}. {diagnostics?.Invoke()}");
    }
}
