using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;
using Xunit;

namespace SMBench.Smb.Tests.Transport;

/// <summary>
/// Framing on both receive paths (SMBench's epoll threads, .NET's socket engine): frames split across many reads,
/// several frames in one read, and a peer that goes away mid-frame.
/// </summary>
public sealed class ReceivePathTests
{
    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_response_arriving_a_byte_at_a_time_completes_its_request(bool epoll)
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        await using var transport = await peer.ConnectAsync(ct, epoll);

        var echo = transport.SendAsync(Smb2Request.For(new EchoRequest()), ct);
        var request = await peer.ReceiveAsync(ct);
        // Even the 4-byte length prefix comes in pieces.
        await peer.SendRawAsync(FakeSmbPeer.Frames(FakeSmbPeer.Response(request!, NtStatus.Success, credits: 8)), piece: 1, ct);

        using var response = await echo;
        Assert.Equal(NtStatus.Success, response.Status);
        Assert.True(transport.IsConnected);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Responses_sharing_one_read_each_reach_their_caller(bool epoll)
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        await using var transport = await peer.ConnectAsync(ct, epoll);
        // One credit at first: get more before sending several at once.
        var first = transport.SendAsync(Smb2Request.For(new EchoRequest()), ct);
        await peer.SendAsync(FakeSmbPeer.Response((await peer.ReceiveAsync(ct))!, NtStatus.Success, credits: 8), ct);
        (await first).Dispose();

        var echoes = Enumerable.Range(0, 5).Select(_ => transport.SendAsync(Smb2Request.For(new EchoRequest()), ct)).ToList();
        var requests = new List<byte[]>();
        for (var i = 0; i < echoes.Count; i++) requests.Add((await peer.ReceiveAsync(ct))!);
        // Answered in reverse order, all in one write.
        await peer.SendRawAsync(FakeSmbPeer.Frames([.. requests.AsEnumerable().Reverse().Select(r => FakeSmbPeer.Response(r, NtStatus.Success))]),
            piece: int.MaxValue, ct);

        foreach (var echo in echoes)
        {
            using var response = await echo;
            Assert.Equal(NtStatus.Success, response.Status);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_peer_that_closes_mid_frame_fails_the_caller_without_a_hang(bool epoll)
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        var transport = await peer.ConnectAsync(ct, epoll);

        var echo = transport.SendAsync(Smb2Request.For(new EchoRequest()), ct);
        var frame = FakeSmbPeer.Frames(FakeSmbPeer.Response((await peer.ReceiveAsync(ct))!, NtStatus.Success));
        await peer.SendRawAsync(frame[..(frame.Length / 2)], piece: int.MaxValue, ct);
        await peer.DisposeAsync();

        await Assert.ThrowsAsync<SmbConnectionException>(() => echo);
        await transport.Completion.WaitAsync(ct);
        Assert.False(transport.IsConnected);
        await transport.DisposeAsync();
    }
}
