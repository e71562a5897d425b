using System.Diagnostics;
using SMBench.Smb.Client;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

/// <summary>
/// Oplock and lease breaks caused by a second client. With a prompt ack the second open completes at once, not
/// after Samba's 30 s break timeout.
/// </summary>
public sealed class SmbBreakTests(DefaultSambaFixture fixture) : IClassFixture<DefaultSambaFixture>
{
    private const FileAccessMask ReadWrite = FileAccessMask.GenericRead | FileAccessMask.GenericWrite;
    private const ShareAccess ShareAll = ShareAccess.Read | ShareAccess.Write | ShareAccess.Delete;

    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb202)]
    [InlineData(SmbDialect.Smb311)]
    public async Task Batch_oplock_break_is_acknowledged_and_the_second_open_completes_promptly(SmbDialect dialect)
    {
        var ct = SmbTestClient.Timeout();
        var options = new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect };
        var (holder, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, options, ct);
        var (other, _, otherTree) = await SmbTestClient.OpenAsync(fixture.Smbd, options, ct);
        await using (holder)
        await using (other)
        {
            var name = $"oplock-{dialect}.bin";
            await using var file = await tree.CreateAsync(name, ReadWrite, ShareAll, CreateDisposition.OverwriteIf, oplock: OplockLevel.Batch, cancellationToken: ct);
            Assert.Equal(OplockLevel.Batch, file.OplockLevel);

            var acked = Task.Run(async () =>
            {
                var notification = await holder.Breaks.ReadAsync(ct);
                var oplock = notification.Oplock!.Value;
                Assert.Equal(file.FileId, oplock.FileId);
                await file.AcknowledgeOplockBreakAsync(oplock.OplockLevel, ct);
                return oplock.OplockLevel;
            }, ct);

            var clock = Stopwatch.StartNew();
            await using var second = await otherTree.CreateAsync(name, ReadWrite, ShareAll, CreateDisposition.Open, cancellationToken: ct);
            clock.Stop();
            var level = await acked;
            Assert.True(level is OplockLevel.LevelII or OplockLevel.None, level.ToString());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"second open took {clock.Elapsed} (break not acked?)");
        }
    }

    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb210, 1)]
    [InlineData(SmbDialect.Smb311, 2)]
    public async Task Lease_break_is_acknowledged_and_the_second_open_completes_promptly(SmbDialect dialect, int leaseVersion)
    {
        var ct = SmbTestClient.Timeout();
        var options = new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect };
        var (holder, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, options, ct);
        var (other, _, otherTree) = await SmbTestClient.OpenAsync(fixture.Smbd, options, ct);
        await using (holder)
        await using (other)
        {
            var name = $"lease-{dialect}.bin";
            var key = Guid.NewGuid();
            var rwh = LeaseState.ReadCaching | LeaseState.WriteCaching | LeaseState.HandleCaching;
            await using var file = await tree.CreateAsync(name, ReadWrite, ShareAll, CreateDisposition.OverwriteIf, oplock: OplockLevel.Lease,
                contexts: [new LeaseContext { LeaseKey = key, LeaseState = rwh, Version = leaseVersion }], cancellationToken: ct);
            Assert.Equal(OplockLevel.Lease, file.OplockLevel);
            Assert.Equal(rwh, file.Lease!.LeaseState);

            var acked = Task.Run(async () =>
            {
                var notification = await holder.Breaks.ReadAsync(ct);
                var lease = notification.Lease!.Value;
                Assert.Equal(key, lease.LeaseKey);
                Assert.True(lease.AckRequired);
                await tree.AcknowledgeLeaseBreakAsync(lease.LeaseKey, lease.NewLeaseState, ct);
                return lease.NewLeaseState;
            }, ct);

            var clock = Stopwatch.StartNew();
            await using var second = await otherTree.CreateAsync(name, ReadWrite, ShareAll, CreateDisposition.Open, cancellationToken: ct);
            clock.Stop();
            var newState = await acked;
            Assert.False(newState.HasFlag(LeaseState.WriteCaching));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"second open took {clock.Elapsed} (break not acked?)");
        }
    }

    [RequiresSambaFact]
    public async Task An_open_stuck_behind_an_unacknowledged_break_can_be_cancelled()
    {
        var ct = SmbTestClient.Timeout();
        var (holder, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        var (other, _, otherTree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        await using (holder)
        await using (other)
        {
            await using var file = await tree.CreateAsync("stuck.bin", ReadWrite, ShareAll, CreateDisposition.OverwriteIf, oplock: OplockLevel.Batch, cancellationToken: ct);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var blocked = otherTree.CreateAsync("stuck.bin", ReadWrite, ShareAll, CreateDisposition.Open, cancellationToken: cts.Token);
            var notification = await holder.Breaks.ReadAsync(ct);
            Assert.NotNull(notification.Oplock);
            await Task.Delay(200, ct);
            Assert.False(blocked.IsCompleted);
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
            await otherTree.Connection.EchoAsync(ct);
            await file.AcknowledgeOplockBreakAsync(notification.Oplock!.Value.OplockLevel, ct);
        }
    }
}
