using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;
using Xunit;

namespace SMBench.Smb.Tests.Transport;

/// <summary>The read-loop break handler: it sees breaks first, may answer at once and claim them; the rest are queued.</summary>
public sealed class BreakHandlerTests
{
    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_claimed_break_is_acknowledged_from_the_handler_and_not_queued_others_are_queued()
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        await using var transport = await peer.ConnectAsync(ct);
        var claimedFile = new FileId(1, 1);
        var seen = new List<BreakNotification>();
        Task<Smb2Response>? ack = null;
        transport.BreakHandler = n =>
        {
            seen.Add(n);
            var notification = n.Oplock!.Value;
            if (notification.FileId != claimedFile) return false;
            // Answer right here, on the read loop: the ack is written before the handler returns.
            ack = transport.SendAsync(Smb2Request.For(new OplockBreakAcknowledgment(notification.FileId, OplockLevel.None)) with
            {
                UseCreditReserve = true,
            }, ct);
            return true;
        };

        await peer.SendAsync(FakeSmbPeer.OplockBreak(claimedFile, OplockLevel.None), ct);
        var request = await peer.ReceiveAsync(ct);
        Assert.Equal(Smb2Command.OplockBreak, Smb2Header.PeekCommand(request));
        Assert.Equal(claimedFile, OplockBreakAcknowledgment.Parse(request).FileId);
        await peer.SendAsync(FakeSmbPeer.Response(request!, NtStatus.Success), ct);
        using (var response = await ack!)
        {
            Assert.Equal(NtStatus.Success, response.Status);
            Assert.True(response.RequestSentTimestamp >= seen[0].ReceivedTimestamp);
        }

        var other = new FileId(2, 2);
        await peer.SendAsync(FakeSmbPeer.OplockBreak(other, OplockLevel.LevelII), ct);
        var queued = await transport.Breaks.ReadAsync(ct);
        Assert.Equal(other, queued.Oplock!.Value.FileId);
        Assert.False(transport.Breaks.TryRead(out _)); // the claimed one never reached the queue
        Assert.Equal(2, seen.Count);
        Assert.All(seen, n => Assert.NotEqual(0, n.ReceivedTimestamp));
    }

    [Fact]
    public async Task A_throwing_handler_leaves_the_connection_up_and_the_break_queued()
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        await using var transport = await peer.ConnectAsync(ct);
        transport.BreakHandler = _ => throw new InvalidOperationException("handler bug");

        await peer.SendAsync(FakeSmbPeer.OplockBreak(new FileId(3, 3), OplockLevel.None), ct);
        var queued = await transport.Breaks.ReadAsync(ct);
        Assert.Equal(new FileId(3, 3), queued.Oplock!.Value.FileId);
        Assert.True(transport.IsConnected);
    }
}
