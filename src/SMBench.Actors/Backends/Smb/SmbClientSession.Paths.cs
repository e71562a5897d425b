using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Smb.Client;
using SMBench.Smb.Protocol;

namespace SMBench.Actors.Backends.Smb;

internal sealed partial class SmbClientSession
{
    private const ShareAccess ShareAll = ShareAccess.Read | ShareAccess.Write | ShareAccess.Delete;

    /// <summary>Ops on paths rather than handles: each is an open, the request, and a close, as Windows does them.</summary>
    private async Task<OpOutcome> PathOpAsync(IrOperation op, CancellationToken ct)
    {
        switch (op)
        {
            case RenameOp rename:
            {
                var dest = _backend.SmbPath(rename.DestPath);
                if (_backend.Mode == ReplayMode.Mvp) await SmbPaths.EnsureDirectoryAsync(_tree, SmbPaths.Parent(dest), ct).ConfigureAwait(false);
                await using var file = await _tree.CreateAsync(_backend.SmbPath(rename.SourcePath), FileAccessMask.Delete | FileAccessMask.Synchronize,
                    ShareAll, CreateDisposition.Open, cancellationToken: ct).ConfigureAwait(false);
                await file.RenameAsync(dest, rename.ReplaceIfExists, ct).ConfigureAwait(false);
                return Ok();
            }
            case DeleteOp delete:
                return await DeleteAsync(_backend.SmbPath(delete.Path), CreateOptions.NonDirectoryFile, ct).ConfigureAwait(false);
            case RmdirOp rmdir:
                return await DeleteAsync(_backend.SmbPath(rmdir.Path), CreateOptions.DirectoryFile, ct).ConfigureAwait(false);
            case MkdirOp mkdir:
            {
                await using var dir = await _tree.CreateAsync(_backend.SmbPath(mkdir.Path), FileAccessMask.ReadAttributes | FileAccessMask.Synchronize,
                    ShareAll, CreateDisposition.Create, CreateOptions.DirectoryFile, cancellationToken: ct).ConfigureAwait(false);
                return Ok();
            }
            case ListOp list:
            {
                await using var dir = await _tree.CreateAsync(_backend.SmbPath(list.Path),
                    FileAccessMask.ReadData | FileAccessMask.ReadAttributes | FileAccessMask.Synchronize, ShareAll, CreateDisposition.Open,
                    CreateOptions.DirectoryFile, cancellationToken: ct).ConfigureAwait(false);
                var entries = await dir.QueryDirectoryAsync(list.Pattern, cancellationToken: ct).ConfigureAwait(false);
                return new OpOutcome(StatusText.Success, entries.Count);
            }
            case StatOp stat:
            {
                await using var file = await _tree.CreateAsync(_backend.SmbPath(stat.Path!), FileAccessMask.ReadAttributes | FileAccessMask.Synchronize,
                    ShareAll, CreateDisposition.Open, cancellationToken: ct).ConfigureAwait(false);
                var info = await file.QueryStandardInfoAsync(ct).ConfigureAwait(false);
                return new OpOutcome(StatusText.Success, info.EndOfFile);
            }
            default:
                return new OpOutcome(ReplayStatus.Unsupported, Error: $"the smb backend has no mapping for '{op.Type}'");
        }
    }

    private async Task<OpOutcome> DeleteAsync(string path, CreateOptions kind, CancellationToken ct)
    {
        await using var file = await _tree.CreateAsync(path, FileAccessMask.Delete | FileAccessMask.Synchronize, ShareAll,
            CreateDisposition.Open, kind, cancellationToken: ct).ConfigureAwait(false);
        await file.DeleteOnCloseAsync(true, ct).ConfigureAwait(false);
        return Ok();
    }

    private static OpOutcome Ok() => new(StatusText.Success);
}
