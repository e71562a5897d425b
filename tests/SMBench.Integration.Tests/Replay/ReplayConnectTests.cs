using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Smb;
using SMBench.Core.Credentials;
using Xunit;

namespace SMBench.Integration.Tests.Replay;

/// <summary>Session setup against a server that accepts TCP but never answers (a dropped handshake looks like this).</summary>
public sealed class ReplayConnectTests
{
    [Fact]
    public async Task A_server_that_never_answers_fails_the_session_setup_after_the_handshake_timeout()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true) accepted.Add(await listener.AcceptSocketAsync());
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        });
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            await using var backend = new SmbBackend(new SmbTarget("127.0.0.1", port, "share", ""),
                _ => new Credential(null, "u", "p"), ReplayMode.Mvp, null, handshakeTimeout: TimeSpan.FromSeconds(2));
            var watch = Stopwatch.StartNew();

            var e = await Assert.ThrowsAsync<TimeoutException>(() => backend.OpenClientAsync("c", CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.Contains("no answer from 127.0.0.1", e.Message);
            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
        }
        finally
        {
            listener.Stop();
            await accepting;
            foreach (var s in accepted) s.Dispose();
        }
    }
}
