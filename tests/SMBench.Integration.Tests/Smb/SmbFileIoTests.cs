using System.Security.Cryptography;
using SMBench.Smb.Client;
using SMBench.Smb.Protocol;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

public sealed class SmbFileIoTests(DefaultSambaFixture fixture) : IClassFixture<DefaultSambaFixture>
{
    private const FileAccessMask ReadWrite = FileAccessMask.GenericRead | FileAccessMask.GenericWrite;

    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb202)]
    [InlineData(SmbDialect.Smb210)]
    [InlineData(SmbDialect.Smb300)]
    [InlineData(SmbDialect.Smb302)]
    [InlineData(SmbDialect.Smb311)]
    public async Task Every_dialect_writes_and_reads_back(SmbDialect dialect)
    {
        var ct = SmbTestClient.Timeout();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect }, ct);
        await using (connection)
        {
            // Larger than one 2.0.2 READ/WRITE (64 KiB) so the client has to split.
            var data = RandomNumberGenerator.GetBytes(300_000);
            var name = $"io-{dialect}.bin";
            await using (var file = await tree.CreateAsync(name, ReadWrite, ShareAccess.Read, CreateDisposition.OverwriteIf, CreateOptions.NonDirectoryFile, cancellationToken: ct))
            {
                Assert.Equal(data.Length, await file.WriteAsync(0, data, ct));
                await file.FlushAsync(ct);
                var back = new byte[data.Length + 10];
                Assert.Equal(data.Length, await file.ReadAsync(0, back, ct));
                Assert.Equal(data, back[..data.Length]);
                Assert.Equal(0, await file.ReadAsync(data.Length, new byte[10], ct));
                var closed = await file.CloseAsync(postQueryAttributes: true, ct);
                Assert.Equal((ulong)data.Length, closed.EndOfFile);
            }
            Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(fixture.Smbd.SharePath, name), ct));
        }
    }

    /// <summary>
    /// Both receive paths (our epoll threads, .NET's socket engine) under concurrent multi-credit I/O: responses of
    /// 200 KB span many socket reads and the 64 KiB receive buffer, and several callers' responses share reads.
    /// </summary>
    [RequiresSambaTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Either_receive_path_carries_concurrent_large_io(bool dedicatedReceiveThreads)
    {
        var ct = SmbTestClient.Timeout();
        var options = new SmbConnectionOptions { DedicatedReceiveThreads = dedicatedReceiveThreads };
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, options, ct);
        await using (connection)
        {
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
            {
                var data = RandomNumberGenerator.GetBytes(200_000 + i);
                await using var file = await tree.CreateAsync($"recv-{dedicatedReceiveThreads}-{i}.bin", ReadWrite, ShareAccess.Read,
                    CreateDisposition.OverwriteIf, cancellationToken: ct);
                for (var round = 0; round < 3; round++)
                {
                    Assert.Equal(data.Length, await file.WriteAsync(0, data, ct));
                    var back = new byte[data.Length];
                    Assert.Equal(data.Length, await file.ReadAsync(0, back, ct));
                    Assert.Equal(data, back);
                    await connection.EchoAsync(ct);
                }
            }));
        }
        Assert.False(connection.Transport.IsConnected);
    }

    [RequiresSambaFact]
    public async Task Smbclient_reads_what_we_wrote_and_we_read_what_it_wrote()
    {
        var ct = SmbTestClient.Timeout();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        await using (connection)
        {
            var ours = RandomNumberGenerator.GetBytes(200_000);
            await using (var file = await tree.CreateAsync("ours.bin", ReadWrite, ShareAccess.None, CreateDisposition.OverwriteIf, cancellationToken: ct))
                await file.WriteAsync(0, ours, ct);
            var local = Path.Combine(fixture.Smbd.Root, "ours.copy");
            var (code, output) = fixture.Smbd.SmbClient($"get ours.bin {local}");
            Assert.True(code == 0, output);
            Assert.Equal(ours, await File.ReadAllBytesAsync(local, ct));

            var theirs = RandomNumberGenerator.GetBytes(150_000);
            var source = Path.Combine(fixture.Smbd.Root, "theirs.src");
            await File.WriteAllBytesAsync(source, theirs, ct);
            (code, output) = fixture.Smbd.SmbClient($"put {source} theirs.bin");
            Assert.True(code == 0, output);
            await using var back = await tree.CreateAsync("theirs.bin", FileAccessMask.GenericRead, ShareAccess.Read, CreateDisposition.Open, cancellationToken: ct);
            Assert.Equal((ulong)theirs.Length, back.EndOfFile);
            var buffer = new byte[theirs.Length];
            Assert.Equal(theirs.Length, await back.ReadAsync(0, buffer, ct));
            Assert.Equal(theirs, buffer);
        }
    }

    [RequiresSambaFact]
    public async Task Missing_file_and_sharing_violation_carry_their_status()
    {
        var ct = SmbTestClient.Timeout();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        await using (connection)
        {
            var missing = await Assert.ThrowsAsync<SmbStatusException>(() =>
                tree.CreateAsync("does/not/exist.txt", FileAccessMask.GenericRead, ShareAccess.Read, CreateDisposition.Open, cancellationToken: ct));
            Assert.Equal(NtStatus.ObjectPathNotFound, missing.Status);
            missing = await Assert.ThrowsAsync<SmbStatusException>(() =>
                tree.CreateAsync("nope.txt", FileAccessMask.GenericRead, ShareAccess.Read, CreateDisposition.Open, cancellationToken: ct));
            Assert.Equal(NtStatus.ObjectNameNotFound, missing.Status);
            Assert.Equal(Smb2Command.Create, missing.Command);

            await using var exclusive = await tree.CreateAsync("locked.txt", ReadWrite, ShareAccess.None, CreateDisposition.OverwriteIf, cancellationToken: ct);
            var (other, _, otherTree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
            await using (other)
            {
                var shared = await Assert.ThrowsAsync<SmbStatusException>(() =>
                    otherTree.CreateAsync("locked.txt", FileAccessMask.GenericRead, ShareAccess.Read | ShareAccess.Write, CreateDisposition.Open, cancellationToken: ct));
                Assert.Equal(NtStatus.SharingViolation, shared.Status);
            }
        }
    }

    [RequiresSambaFact]
    public async Task Concurrent_requests_on_one_connection_all_complete()
    {
        var ct = SmbTestClient.Timeout();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        await using (connection)
        {
            await using var file = await tree.CreateAsync("parallel.bin", ReadWrite, ShareAccess.Read | ShareAccess.Write, CreateDisposition.OverwriteIf, cancellationToken: ct);
            var block = RandomNumberGenerator.GetBytes(4096);
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => file.WriteAsync(i * 4096L, block, ct)));
            var reads = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
            {
                var b = new byte[4096];
                await file.ReadAsync(i * 4096L, b, ct);
                return b;
            }));
            Assert.All(reads, r => Assert.Equal(block, r));
        }
    }
}
