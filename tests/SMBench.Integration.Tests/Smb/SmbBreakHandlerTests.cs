using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

/// <summary>
/// The read-loop break handler against real smbd: the acknowledgment is written from inside the handler, the server
/// accepts it, and the claimed notification never reaches the connection's break queue.
/// </summary>
public sealed class SmbBreakHandlerTests(DefaultSambaFixture fixture) : IClassFixture<DefaultSambaFixture>
{
    private const FileAccessMask ReadWrite = FileAccessMask.GenericRead | FileAccessMask.GenericWrite;
    private const ShareAccess ShareAll = ShareAccess.Read | ShareAccess.Write | ShareAccess.Delete;

    [RequiresSambaFact]
    public async Task An_oplock_break_acknowledged_from_the_read_loop_is_accepted_by_the_server()
    {
        var ct = SmbTestClient.Timeout();
        var (holder, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        var (other, _, otherTree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        await using (holder)
        await using (other)
        {
            await using var file = await tree.CreateAsync("read-loop-ack.bin", ReadWrite, ShareAll, CreateDisposition.OverwriteIf,
                oplock: OplockLevel.Batch, cancellationToken: ct);
            Assert.Equal(OplockLevel.Batch, file.OplockLevel);
            var acked = new TaskCompletionSource<Task<Smb2Response>>(TaskCreationOptions.RunContinuationsAsynchronously);
            holder.Transport.BreakHandler = n =>
            {
                if (n.Oplock is not { } oplock || oplock.FileId != file.FileId) return false;
                acked.TrySetResult(tree.SendAsync(tree.For(new OplockBreakAcknowledgment(oplock.FileId, oplock.OplockLevel)) with
                {
                    UseCreditReserve = true,
                }, ct));
                return true;
            };

            await using var second = await otherTree.CreateAsync("read-loop-ack.bin", ReadWrite, ShareAll, CreateDisposition.Open,
                cancellationToken: ct);
            using var response = await await acked.Task.WaitAsync(ct);
            Assert.Equal(NtStatus.Success, response.Status);
            Assert.NotEqual(0, response.RequestSentTimestamp);
            Assert.False(holder.Breaks.TryRead(out _));
            Assert.True(holder.IsConnected);
        }
    }
}
