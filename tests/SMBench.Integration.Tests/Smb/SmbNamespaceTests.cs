using System.Text;
using SMBench.Smb.Client;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

public sealed class SmbNamespaceTests(DefaultSambaFixture fixture) : IClassFixture<DefaultSambaFixture>
{
    private const FileAccessMask ReadWriteDelete = FileAccessMask.GenericRead | FileAccessMask.GenericWrite | FileAccessMask.Delete;

    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb210)]
    [InlineData(SmbDialect.Smb302)]
    [InlineData(SmbDialect.Smb311)]
    public async Task Mkdir_list_rename_truncate_delete(SmbDialect dialect)
    {
        var ct = SmbTestClient.Timeout();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect }, ct);
        await using (connection)
        {
            var dir = $"ns-{dialect}";
            await (await tree.CreateAsync(dir, FileAccessMask.GenericRead, ShareAccess.Read | ShareAccess.Write, CreateDisposition.Create,
                CreateOptions.DirectoryFile, cancellationToken: ct)).CloseAsync(cancellationToken: ct);
            for (var i = 0; i < 150; i++)
            {
                await using var f = await tree.CreateAsync($"{dir}/file-{i:D3}.txt", ReadWriteDelete, ShareAccess.Read, CreateDisposition.Create,
                    CreateOptions.NonDirectoryFile, cancellationToken: ct);
                await f.WriteAsync(0, Encoding.ASCII.GetBytes($"content {i}"), ct);
            }

            await using (var d = await tree.CreateAsync(dir, FileAccessMask.GenericRead, ShareAccess.Read | ShareAccess.Write, CreateDisposition.Open,
                             CreateOptions.DirectoryFile, cancellationToken: ct))
            {
                // A small buffer forces several QUERY_DIRECTORY rounds before STATUS_NO_MORE_FILES.
                var entries = await d.QueryDirectoryAsync("*", outputBufferLength: 2048, cancellationToken: ct);
                Assert.Equal(150, entries.Count(e => e.FileName.StartsWith("file-", StringComparison.Ordinal)));
                Assert.Contains(entries, e => e.FileName == "file-042.txt" && e.EndOfFile == "content 42".Length);
                Assert.Empty(await d.QueryDirectoryAsync("nothing-matches-*", cancellationToken: ct));
            }

            await using (var f = await tree.CreateAsync($"{dir}/file-000.txt", ReadWriteDelete, ShareAccess.Read, CreateDisposition.Open, cancellationToken: ct))
            {
                await f.RenameAsync($"{dir}/renamed.txt", cancellationToken: ct);
                await f.SetEndOfFileAsync(3, ct);
                var info = await f.QueryStandardInfoAsync(ct);
                Assert.Equal(3, info.EndOfFile);
                Assert.False(info.Directory);
            }
            Assert.Equal("con", File.ReadAllText(Path.Combine(fixture.Smbd.SharePath, dir, "renamed.txt")));
            Assert.False(File.Exists(Path.Combine(fixture.Smbd.SharePath, dir, "file-000.txt")));

            await using (var f = await tree.CreateAsync($"{dir}/renamed.txt", ReadWriteDelete, ShareAccess.Read, CreateDisposition.Open, cancellationToken: ct))
                await f.DeleteOnCloseAsync(cancellationToken: ct);
            Assert.False(File.Exists(Path.Combine(fixture.Smbd.SharePath, dir, "renamed.txt")));

            var basic = await tree.CreateAsync($"{dir}/file-001.txt", ReadWriteDelete, ShareAccess.Read, CreateDisposition.Open, cancellationToken: ct);
            var when = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc).ToFileTimeUtc();
            await basic.SetBasicInfoAsync(new FileBasicInformation { LastWriteTime = when }, ct);
            Assert.Equal(when, (await basic.QueryNetworkOpenInfoAsync(ct)).LastWriteTime);
            await basic.CloseAsync(cancellationToken: ct);
        }
    }

    [RequiresSambaFact]
    public async Task Byte_range_locks_conflict_between_opens_and_unlock()
    {
        var ct = SmbTestClient.Timeout();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        await using (connection)
        {
            await using var a = await tree.CreateAsync("locks.bin", ReadWriteDelete, ShareAccess.Read | ShareAccess.Write | ShareAccess.Delete, CreateDisposition.OverwriteIf, cancellationToken: ct);
            await using var b = await tree.CreateAsync("locks.bin", ReadWriteDelete, ShareAccess.Read | ShareAccess.Write | ShareAccess.Delete, CreateDisposition.Open, cancellationToken: ct);
            await a.WriteAsync(0, new byte[100], ct);
            await a.LockAsync(0, 50, cancellationToken: ct);
            var e = await Assert.ThrowsAsync<SmbStatusException>(() => b.LockAsync(10, 10, cancellationToken: ct));
            Assert.True(e.Status == NtStatus.LockNotGranted || e.Status == NtStatus.FileLockConflict, e.Status.ToString());
            e = await Assert.ThrowsAsync<SmbStatusException>(() => b.WriteAsync(20, new byte[5], ct));
            Assert.Equal(NtStatus.FileLockConflict, e.Status);
            await b.LockAsync(60, 10, cancellationToken: ct);
            await a.UnlockAsync(0, 50, ct);
            await b.LockAsync(10, 10, cancellationToken: ct);

            // A waiting lock goes STATUS_PENDING; cancelling it sends SMB2 CANCEL and the connection stays usable.
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var waiting = a.LockAsync(10, 10, failImmediately: false, cancellationToken: cts.Token);
            await Task.Delay(300, ct);
            Assert.False(waiting.IsCompleted);
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            await a.ReadAsync(0, new byte[10], ct);
        }
    }

    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb300)]
    [InlineData(SmbDialect.Smb302)]
    [InlineData(SmbDialect.Smb311)]
    public async Task Validate_negotiate_runs_on_30x_only_and_matches(SmbDialect dialect)
    {
        var ct = SmbTestClient.Timeout();
        var (connection, session, _) = await SmbTestClient.OpenAsync(fixture.Smbd, new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect }, ct);
        await using (connection)
        {
            Assert.Equal(dialect != SmbDialect.Smb311, connection.NegotiateValidated);
            // The tree connect already validated once; a second tree must not disturb the connection either.
            var tree = await session.TreeConnectAsync(fixture.Smbd.ShareName, ct);
            Assert.True(connection.IsConnected);
            await tree.DisconnectAsync(ct);
        }
    }

    [RequiresSambaFact]
    public async Task Create_read_close_compound_returns_every_part()
    {
        var ct = SmbTestClient.Timeout();
        File.WriteAllText(Path.Combine(fixture.Smbd.SharePath, "compound.txt"), "hello compound");
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        await using (connection)
        {
            var create = new CreateRequest
            {
                Name = "compound.txt", DesiredAccess = FileAccessMask.GenericRead, ShareAccess = ShareAccess.Read,
                CreateDisposition = CreateDisposition.Open,
            };
            var read = tree.For(new ReadRequest { FileId = FileId.Related, Length = 100, Padding = ReadResponse.DefaultDataOffset });
            var responses = await tree.CreateCompoundAsync(create, [read], cancellationToken: ct);
            try
            {
                Assert.Equal(3, responses.Length);
                Assert.All(responses, r => Assert.Equal(NtStatus.Success, r.Status));
                Assert.Equal("hello compound", Encoding.ASCII.GetString(ReadResponse.Parse(responses[1].Message).Data));
            }
            finally
            {
                foreach (var r in responses) r.Dispose();
            }
        }
    }

    [RequiresSambaFact]
    public async Task Maximal_access_and_on_disk_id_contexts_are_answered()
    {
        var ct = SmbTestClient.Timeout();
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, null, ct);
        await using (connection)
        {
            await using var file = await tree.CreateAsync("contexts.txt", FileAccessMask.GenericRead, ShareAccess.Read, CreateDisposition.OpenIf,
                contexts: [new SMBench.Smb.Messages.CreateContexts.MaximalAccessRequest(), new SMBench.Smb.Messages.CreateContexts.QueryOnDiskIdRequest()],
                cancellationToken: ct);
            var mxac = file.Response.Find<SMBench.Smb.Messages.CreateContexts.MaximalAccessResponse>();
            Assert.NotNull(mxac);
            Assert.Equal(NtStatus.Success, mxac.QueryStatus);
            Assert.True(mxac.MaximalAccess.HasFlag(FileAccessMask.WriteData));
            Assert.NotNull(file.Response.Find<SMBench.Smb.Messages.CreateContexts.QueryOnDiskIdResponse>());
        }
    }
}
