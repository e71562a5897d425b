using SMBench.Core.Credentials;
using SMBench.Smb.Client;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;

namespace SMBench.Provisioner.Prestate;

/// <summary>
/// Writes the pre-state to an SMB share with our own client: one connection, session and tree; directories with
/// CREATE (OpenIf, DirectoryFile), files with CREATE then SET_INFO end-of-file (zeros) or WRITEs (synthetic),
/// deletes with SET_INFO disposition so a non-empty directory is detected and left alone.
/// </summary>
public sealed class SmbShareWriter : IShareWriter, IAsyncDisposable
{
    private const int ChunkSize = 1 << 20;
    private readonly SmbConnection _connection;
    private readonly SmbSession _session;
    private readonly SmbTree _tree;

    public string Target { get; }

    private SmbShareWriter(SmbConnection connection, SmbSession session, SmbTree tree, string target)
    {
        _connection = connection;
        _session = session;
        _tree = tree;
        Target = target;
    }

    /// <summary>Connects, logs in and connects the share. Login failures surface as <see cref="SmbStatusException"/>.</summary>
    public static async Task<SmbShareWriter> ConnectAsync(string host, int port, string share, Credential credential,
        SmbConnectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var connection = await SmbConnection.ConnectAsync(host, port, options, cancellationToken).ConfigureAwait(false);
        SmbSession? session = null;
        try
        {
            session = await connection.LoginAsync(credential.UserName, credential.Domain, credential.Password, cancellationToken)
                .ConfigureAwait(false);
            var tree = await session.TreeConnectAsync(share, cancellationToken).ConfigureAwait(false);
            return new SmbShareWriter(connection, session, tree, $"smb://{host}:{port}/{share}");
        }
        catch
        {
            if (session != null) await session.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<EnsureOutcome> EnsureDirectoryAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var dir = await _tree.CreateAsync(path, FileAccessMask.ReadAttributes | FileAccessMask.Synchronize, ShareAccess.All,
            CreateDisposition.OpenIf, CreateOptions.DirectoryFile, cancellationToken: cancellationToken).ConfigureAwait(false);
        var outcome = dir.CreateAction == CreateAction.Created ? EnsureOutcome.Created : EnsureOutcome.Existed;
        await dir.CloseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    public async Task<EnsureOutcome> EnsureFileAsync(string path, long size, ContentKind content, CancellationToken cancellationToken = default)
    {
        await using var file = await _tree.CreateAsync(path,
            FileAccessMask.ReadAttributes | FileAccessMask.WriteData | FileAccessMask.WriteAttributes | FileAccessMask.Synchronize,
            ShareAccess.All, CreateDisposition.OpenIf, CreateOptions.NonDirectoryFile, cancellationToken: cancellationToken).ConfigureAwait(false);
        var created = file.CreateAction == CreateAction.Created;
        var current = created ? 0 : (long)file.EndOfFile;
        if (!created && current == size)
        {
            await file.CloseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return EnsureOutcome.Existed;
        }
        if (content == ContentKind.Synthetic && size > current)
        {
            var buffer = new byte[(int)Math.Min(ChunkSize, size - current)];
            for (var offset = current; offset < size; offset += buffer.Length)
            {
                var n = (int)Math.Min(buffer.Length, size - offset);
                SyntheticContent.Fill(path, offset, buffer.AsSpan(0, n));
                await file.WriteAsync(offset, buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await SetInfoAsync(file, new FileEndOfFileInformation(size), cancellationToken).ConfigureAwait(false);
        }
        await file.CloseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return created ? EnsureOutcome.Created : EnsureOutcome.Resized;
    }

    public Task<DeleteOutcome> DeleteFileAsync(string path, CancellationToken cancellationToken = default)
        => DeleteAsync(path, CreateOptions.NonDirectoryFile, cancellationToken);

    public Task<DeleteOutcome> DeleteDirectoryAsync(string path, CancellationToken cancellationToken = default)
        => DeleteAsync(path, CreateOptions.DirectoryFile, cancellationToken);

    private async Task<DeleteOutcome> DeleteAsync(string path, CreateOptions kind, CancellationToken cancellationToken)
    {
        SmbFile handle;
        try
        {
            handle = await _tree.CreateAsync(path, FileAccessMask.Delete | FileAccessMask.ReadAttributes | FileAccessMask.Synchronize,
                ShareAccess.All, CreateDisposition.Open, kind, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (SmbStatusException e) when (e.Status == NtStatus.ObjectNameNotFound || e.Status == NtStatus.ObjectPathNotFound)
        {
            return DeleteOutcome.Missing;
        }
        await using (handle)
        {
            try
            {
                await SetInfoAsync(handle, new FileDispositionInformation(), cancellationToken).ConfigureAwait(false);
            }
            catch (SmbStatusException e) when (e.Status == NtStatus.DirectoryNotEmpty)
            {
                return DeleteOutcome.NotEmpty;
            }
            await handle.CloseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        return DeleteOutcome.Deleted;
    }

    private async Task SetInfoAsync(SmbFile file, IFileInformation information, CancellationToken cancellationToken)
    {
        using var response = await _tree.SendAsync(_tree.For(SetInfoRequest.ForFile(file.FileId, information)), cancellationToken)
            .ConfigureAwait(false);
        if (response.Status != NtStatus.Success)
            throw new SmbStatusException(response.Status, Smb2Command.SetInfo, $"of '{file.Name}'");
    }

    public async ValueTask DisposeAsync()
    {
        await _tree.DisposeAsync().ConfigureAwait(false);
        await _session.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
