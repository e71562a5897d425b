using System.Security.Cryptography;
using SMBench.Smb.Client;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

/// <summary>A durable handle outlives its TCP connection: a new connection and session reclaim it.</summary>
public sealed class SmbDurableHandleTests
{
    private const FileAccessMask ReadWrite = FileAccessMask.GenericRead | FileAccessMask.GenericWrite;

    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb311)]
    [InlineData(SmbDialect.Smb300)]
    public async Task Durable_v2_handle_with_lease_is_reclaimed_after_the_connection_is_cut(SmbDialect dialect)
    {
        var ct = SmbTestClient.Timeout(90);
        await using var smbd = await SambaServer.StartAsync();
        var options = new SmbConnectionOptions { ClientGuid = Guid.NewGuid(), MinDialect = dialect, MaxDialect = dialect };
        var leaseKey = Guid.NewGuid();
        var createGuid = Guid.NewGuid();
        var data = RandomNumberGenerator.GetBytes(100_000);
        var lease = new LeaseContext { LeaseKey = leaseKey, LeaseState = LeaseState.ReadCaching | LeaseState.HandleCaching | LeaseState.WriteCaching };

        var (first, _, tree) = await SmbTestClient.OpenAsync(smbd, options, ct);
        var file = await tree.CreateAsync(new CreateRequest
        {
            Name = "durable-v2.bin",
            DesiredAccess = ReadWrite,
            ShareAccess = ShareAccess.Read,
            CreateDisposition = CreateDisposition.OverwriteIf,
            RequestedOplockLevel = OplockLevel.Lease,
            CreateContexts = [lease, new DurableHandleRequestV2(60_000, DurableHandleFlags.None, createGuid)],
        }, ct);
        Assert.True(file.IsDurable);
        Assert.True(file.Lease!.LeaseState.HasFlag(LeaseState.HandleCaching));
        await file.WriteAsync(0, data, ct);
        var fileId = file.FileId;
        first.Abort();
        await first.DisposeAsync();

        var (second, _, tree2) = await SmbTestClient.OpenAsync(smbd, options, ct);
        await using (second)
        {
            await using var reclaimed = await tree2.CreateAsync(new CreateRequest
            {
                Name = "durable-v2.bin",
                DesiredAccess = ReadWrite,
                ShareAccess = ShareAccess.Read,
                CreateDisposition = CreateDisposition.Open,
                RequestedOplockLevel = OplockLevel.Lease,
                CreateContexts = [lease, new DurableHandleReconnectV2(fileId, createGuid, DurableHandleFlags.None)],
            }, ct);
            // The volatile half of a FileId is per connection; the persistent half names the durable open.
            Assert.Equal(fileId.Persistent, reclaimed.FileId.Persistent);
            var back = new byte[data.Length];
            Assert.Equal(data.Length, await reclaimed.ReadAsync(0, back, ct));
            Assert.Equal(data, back);
        }
    }

    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb210)]
    [InlineData(SmbDialect.Smb311)]
    public async Task Durable_v1_handle_with_batch_oplock_is_reclaimed(SmbDialect dialect)
    {
        var ct = SmbTestClient.Timeout(90);
        await using var smbd = await SambaServer.StartAsync();
        var options = new SmbConnectionOptions { ClientGuid = Guid.NewGuid(), MinDialect = dialect, MaxDialect = dialect };
        var data = RandomNumberGenerator.GetBytes(10_000);
        var (first, _, tree) = await SmbTestClient.OpenAsync(smbd, options, ct);
        var file = await tree.CreateAsync("durable-v1.bin", ReadWrite, ShareAccess.Read, CreateDisposition.OverwriteIf,
            oplock: OplockLevel.Batch, contexts: [new DurableHandleRequest()], cancellationToken: ct);
        Assert.Equal(OplockLevel.Batch, file.OplockLevel);
        Assert.True(file.IsDurable);
        await file.WriteAsync(0, data, ct);
        var fileId = file.FileId;
        first.Abort();
        await first.DisposeAsync();

        var (second, _, tree2) = await SmbTestClient.OpenAsync(smbd, options, ct);
        await using (second)
        {
            await using var reclaimed = await tree2.ReconnectDurableAsync(file, ct);
            Assert.Equal(fileId.Persistent, reclaimed.FileId.Persistent);
            var back = new byte[data.Length];
            Assert.Equal(data.Length, await reclaimed.ReadAsync(0, back, ct));
            Assert.Equal(data, back);
        }
    }

    /// <summary>
    /// Samba keeps a durable open only when its smbd process sees the disconnect; SIGKILLed children (a server crash,
    /// not a network cut) lose it. The reconnect then fails cleanly with the server's status.
    /// </summary>
    [RequiresSambaFact]
    public async Task Durable_handle_is_gone_when_the_server_process_is_killed()
    {
        var ct = SmbTestClient.Timeout(90);
        await using var smbd = await SambaServer.StartAsync();
        var options = new SmbConnectionOptions { ClientGuid = Guid.NewGuid() };
        var createGuid = Guid.NewGuid();
        var (first, _, tree) = await SmbTestClient.OpenAsync(smbd, options, ct);
        var file = await tree.CreateAsync("crash.bin", ReadWrite, ShareAccess.Read, CreateDisposition.OverwriteIf, oplock: OplockLevel.Batch,
            contexts: [new DurableHandleRequestV2(60_000, DurableHandleFlags.None, createGuid)], cancellationToken: ct);
        Assert.True(file.IsDurable);
        smbd.KillChildren();
        await Assert.ThrowsAsync<SMBench.Smb.Transport.SmbConnectionException>(() => file.FlushAsync(ct));
        await first.DisposeAsync();

        var (second, _, tree2) = await SmbTestClient.OpenAsync(smbd, options, ct);
        await using (second)
        {
            var e = await Assert.ThrowsAsync<SmbStatusException>(() => tree2.CreateAsync("crash.bin", ReadWrite, ShareAccess.Read,
                CreateDisposition.Open, oplock: OplockLevel.Batch,
                contexts: [new DurableHandleReconnectV2(file.FileId, createGuid, DurableHandleFlags.None)], cancellationToken: ct));
            Assert.Equal(NtStatus.ObjectNameNotFound, e.Status);
        }
    }
}
