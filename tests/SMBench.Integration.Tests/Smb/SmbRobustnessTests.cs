using System.Net;
using System.Net.Sockets;
using SMBench.Smb.Client;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

/// <summary>Dead servers and hostile peers: callers get an error promptly, never a hang.</summary>
public sealed class SmbRobustnessTests
{
    [RequiresSambaFact]
    public async Task Server_killed_mid_request_fails_every_caller()
    {
        var ct = SmbTestClient.Timeout();
        await using var smbd = await SambaServer.StartAsync();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(smbd, null, ct);
        await using (connection)
        {
            await using var file = await tree.CreateAsync("victim.bin", FileAccessMask.GenericRead | FileAccessMask.GenericWrite,
                ShareAccess.Read, CreateDisposition.OverwriteIf, cancellationToken: ct);
            var block = new byte[64 * 1024];
            var writers = Enumerable.Range(0, 64).Select(async i =>
            {
                for (var j = 0; ; j++) await file.WriteAsync((i * 1000L + j) * block.Length, block, ct);
            }).ToArray();
            await Task.Delay(200, ct);
            smbd.KillChildren();
            foreach (var w in writers)
            {
                Assert.Same(w, await Task.WhenAny(w, Task.Delay(TimeSpan.FromSeconds(10), ct)));
                var e = await Assert.ThrowsAnyAsync<Exception>(() => w);
                Assert.IsType<SmbConnectionException>(e);
            }
            Assert.False(connection.IsConnected);
            await Assert.ThrowsAsync<SmbConnectionException>(() => file.ReadAsync(0, new byte[10], ct));
        }
    }

    [Theory]
    [InlineData("not-framed")]
    [InlineData("not-smb")]
    [InlineData("oversized")]
    [InlineData("truncated-header")]
    [InlineData("close")]
    [InlineData("compressed")]
    public async Task Garbage_from_a_fake_peer_fails_cleanly(string kind)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var peer = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var request = new byte[4096];
            await socket.ReceiveAsync(request);
            byte[] reply = kind switch
            {
                "not-framed" => "HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(),
                "not-smb" => [0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8],
                "oversized" => [0, 0xFF, 0xFF, 0xFF, 0xFE, (byte)'S', (byte)'M', (byte)'B'],
                "truncated-header" => [0, 0, 0, 8, 0xFE, (byte)'S', (byte)'M', (byte)'B', 64, 0, 0, 0],
                "compressed" => [0, 0, 0, 16, 0xFC, (byte)'S', (byte)'M', (byte)'B', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                _ => [],
            };
            if (reply.Length > 0) await socket.SendAsync(reply);
            await Task.Delay(kind == "oversized" ? 2000 : 200);
        });
        var e = await Assert.ThrowsAnyAsync<Exception>(() =>
            SmbConnection.ConnectAsync("127.0.0.1", port, null, SmbTestClient.Timeout(10)));
        Assert.IsType<SmbConnectionException>(e);
        await peer;
    }

    [Fact]
    public async Task Nobody_listening_is_a_connection_error()
    {
        var port = FreePort.Next();
        await Assert.ThrowsAsync<SmbConnectionException>(() => SmbConnection.ConnectAsync("127.0.0.1", port, null, SmbTestClient.Timeout(10)));
    }

    [RequiresSambaFact]
    public async Task Client_reset_leaves_the_server_usable_and_later_calls_fail_fast()
    {
        var ct = SmbTestClient.Timeout();
        await using var smbd = await SambaServer.StartAsync();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(smbd, null, ct);
        connection.Abort();
        await Assert.ThrowsAsync<SmbConnectionException>(() =>
            tree.CreateAsync("x", FileAccessMask.GenericRead, ShareAccess.Read, CreateDisposition.OpenIf, cancellationToken: ct));
        await connection.DisposeAsync();
        var (again, _, _) = await SmbTestClient.OpenAsync(smbd, null, ct);
        await again.DisposeAsync();
    }
}

/// <summary>Runs alone: the unobserved-exception event is process-wide.</summary>
[CollectionDefinition(nameof(SmbUnobservedExceptionTests), DisableParallelization = true)]
public sealed class SmbUnobservedExceptionCollection;

/// <summary>Failures reach callers as awaited exceptions, never as unobserved task exceptions.</summary>
[Collection(nameof(SmbUnobservedExceptionTests))]
public sealed class SmbUnobservedExceptionTests
{
    [RequiresSambaFact]
    public async Task Killing_the_server_under_load_leaves_no_unobserved_task_exception()
    {
        var unobserved = new List<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.InnerExceptions.Any(x => x.GetType().Namespace?.StartsWith("SMBench.Smb", StringComparison.Ordinal) == true))
                lock (unobserved) unobserved.Add(e.Exception);
        }
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var ct = SmbTestClient.Timeout();
            await using (var smbd = await SambaServer.StartAsync())
            {
                var (connection, _, tree) = await SmbTestClient.OpenAsync(smbd, new SmbConnectionOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(100) }, ct);
                var file = await tree.CreateAsync("load.bin", FileAccessMask.GenericRead | FileAccessMask.GenericWrite, ShareAccess.Read,
                    CreateDisposition.OverwriteIf, cancellationToken: ct);
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var load = Enumerable.Range(0, 32).Select(i => (Task)file.WriteAsync(i * 4096L, new byte[4096], cts.Token)).ToList();
                load.Add(tree.CreateCompoundAsync(new SMBench.Smb.Messages.CreateRequest { Name = "load.bin", DesiredAccess = FileAccessMask.GenericRead,
                    ShareAccess = ShareAccess.Read | ShareAccess.Write, CreateDisposition = CreateDisposition.Open }, [], cancellationToken: cts.Token));
                await Task.Delay(300, ct);
                Assert.True(connection.IsConnected, "keepalive must not fail a healthy connection");
                smbd.KillChildren();
                await cts.CancelAsync();
                foreach (var t in load)
                {
                    Assert.Same(t, await Task.WhenAny(t, Task.Delay(TimeSpan.FromSeconds(10), ct)));
                    try
                    {
                        await t;
                    }
                    catch (Exception e) when (e is SmbConnectionException or OperationCanceledException)
                    {
                    }
                }
                await connection.DisposeAsync();
            }
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.Delay(50);
            }
            lock (unobserved) Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }
}

/// <summary>The request timeout against a real server: a blocking lock answered STATUS_PENDING waits past it.</summary>
public sealed class SmbRequestTimeoutTests
{
    [RequiresSambaFact]
    public async Task A_blocking_lock_that_went_pending_outlives_the_request_timeout()
    {
        var ct = SmbTestClient.Timeout();
        await using var smbd = await SambaServer.StartAsync();
        var (holder, _, holderTree) = await SmbTestClient.OpenAsync(smbd, null, ct);
        var (waiter, _, waiterTree) = await SmbTestClient.OpenAsync(smbd, new SmbConnectionOptions { RequestTimeout = TimeSpan.FromMilliseconds(500) }, ct);
        await using (holder)
        await using (waiter)
        {
            const FileAccessMask access = FileAccessMask.GenericRead | FileAccessMask.GenericWrite;
            const ShareAccess share = ShareAccess.Read | ShareAccess.Write;
            await using var held = await holderTree.CreateAsync("locked.bin", access, share, CreateDisposition.OverwriteIf, cancellationToken: ct);
            await using var wanted = await waiterTree.CreateAsync("locked.bin", access, share, CreateDisposition.Open, cancellationToken: ct);
            await held.LockAsync(0, 100, exclusive: true, failImmediately: true, ct);

            var blocked = wanted.LockAsync(0, 100, exclusive: true, failImmediately: false, ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct); // four request timeouts
            Assert.False(blocked.IsCompleted);
            Assert.True(waiter.IsConnected);

            await held.UnlockAsync(0, 100, ct);
            await blocked;
            Assert.True(waiter.IsConnected);
            await wanted.UnlockAsync(0, 100, ct);
        }
    }
}
