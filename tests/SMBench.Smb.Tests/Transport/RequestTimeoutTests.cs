using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;
using Xunit;

namespace SMBench.Smb.Tests.Transport;

/// <summary>MS-SMB2 §3.2.6.1 against a fake peer on loopback: silence fails the request and the connection; PENDING does not.</summary>
public sealed class RequestTimeoutTests
{
    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_request_nobody_answers_fails_with_its_command_and_message_id_and_closes_the_connection()
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        await using var transport = await peer.ConnectAsync(ct);
        transport.RequestTimeout = TimeSpan.FromMilliseconds(200);

        var echo = transport.SendAsync(Smb2Request.For(new EchoRequest()), ct);
        var request = await peer.ReceiveAsync(ct);
        Assert.Equal(Smb2Command.Echo, Smb2Header.PeekCommand(request));

        var e = await Assert.ThrowsAsync<SmbRequestTimeoutException>(() => echo);
        Assert.Equal(Smb2Command.Echo, e.Command);
        Assert.Equal(0ul, e.MessageId);
        Assert.Contains("MessageId 0", e.Message, StringComparison.Ordinal);
        Assert.False(transport.IsConnected);
        Assert.Same(e, transport.Failure);
        // The peer sees the connection closed, and later calls fail at once instead of waiting for credits.
        Assert.Null(await peer.ReceiveAsync(ct));
        await Assert.ThrowsAsync<SmbConnectionException>(() => transport.SendAsync(Smb2Request.For(new EchoRequest()), ct));
    }

    [Fact]
    public async Task After_an_interim_pending_the_request_waits_past_the_timeout_and_cancelling_sends_cancel()
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        await using var transport = await peer.ConnectAsync(ct);
        transport.RequestTimeout = TimeSpan.FromMilliseconds(200);

        using var caller = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var slow = transport.SendAsync(Smb2Request.For(new EchoRequest()), caller.Token);
        var request = await peer.ReceiveAsync(ct);
        const ulong asyncId = 0x77;
        await peer.SendAsync(FakeSmbPeer.Response(request!, NtStatus.Pending, asyncId, credits: 2), ct);

        // Five timeouts later the request is still waiting and the connection is up.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        Assert.False(slow.IsCompleted);
        Assert.True(transport.IsConnected);

        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);
        var cancel = Smb2Header.Parse(await peer.ReceiveAsync(ct));
        Assert.Equal(Smb2Command.Cancel, cancel.Command);
        Assert.True(cancel.IsAsync);
        Assert.Equal(asyncId, cancel.AsyncId);
        await peer.SendAsync(FakeSmbPeer.Response(request!, NtStatus.Cancelled, asyncId), ct);

        // The connection stays usable: the next request is answered normally.
        var next = transport.SendAsync(Smb2Request.For(new EchoRequest()), ct);
        var second = await peer.ReceiveAsync(ct);
        await peer.SendAsync(FakeSmbPeer.Response(second!, NtStatus.Success), ct);
        using var response = await next;
        Assert.Equal(NtStatus.Success, response.Status);
        Assert.True(transport.IsConnected);
    }

    [Fact]
    public async Task A_timeout_fails_the_other_outstanding_requests_with_a_connection_error()
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        await using var transport = await peer.ConnectAsync(ct);

        // The first request went pending (exempt); the second gets no answer at all.
        var pendingOne = transport.SendAsync(Smb2Request.For(new EchoRequest()), ct);
        var first = await peer.ReceiveAsync(ct);
        await peer.SendAsync(FakeSmbPeer.Response(first!, NtStatus.Pending, asyncId: 5, credits: 2), ct);
        transport.RequestTimeout = TimeSpan.FromMilliseconds(200);
        var silent = transport.SendAsync(Smb2Request.For(new EchoRequest()), ct);
        Assert.NotNull(await peer.ReceiveAsync(ct));

        var timeout = await Assert.ThrowsAsync<SmbRequestTimeoutException>(() => silent);
        Assert.Equal(1ul, timeout.MessageId);
        var other = await Assert.ThrowsAsync<SmbConnectionException>(() => pendingOne);
        Assert.IsNotType<SmbRequestTimeoutException>(other);
        Assert.Same(timeout, other.InnerException);
    }
}
