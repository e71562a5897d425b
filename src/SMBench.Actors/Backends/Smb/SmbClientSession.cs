using System.Buffers;
using SMBench.Core.Credentials;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Smb.Client;
using SMBench.Smb.Protocol;

namespace SMBench.Actors.Backends.Smb;

/// <summary>
/// One simulated client over SMB: its connection, session and tree, the IR ops as SMB requests, and (in full mode)
/// the break notifications of its connection. Server answers become NTSTATUS text; a lost connection becomes
/// SMBENCH_CONNECTION_LOST and the next op reconnects (durable handles are reclaimed in full mode).
/// </summary>
internal sealed partial class SmbClientSession : IClientSession, IReconnectingSession
{
    private readonly SmbBackend _backend;
    private readonly Credential _credential;
    private readonly Guid _clientGuid;
    private readonly SmbCreateBuilder _creates;
    private readonly List<SmbOpen> _opens = [];
    private SmbTree _tree;
    private bool _broken;

    public SmbClientSession(SmbBackend backend, SmbTree tree, Credential credential, Guid clientGuid)
    {
        _backend = backend;
        _tree = tree;
        _credential = credential;
        _clientGuid = clientGuid;
        _creates = new SmbCreateBuilder(backend.Mode, tree.Connection.Dialect);
        StartBreakPump();
    }

    public long Reconnects { get; private set; }

    public async ValueTask<OpOutcome> ExecuteAsync(IrOperation op, object? handle, CancellationToken ct)
    {
        try
        {
            if (_broken || !_tree.Connection.IsConnected)
            {
                await ReconnectAsync(ct).ConfigureAwait(false);
                // Resumed on the connection's receive thread, which must not block: the op may read a blob from disk.
                await Task.Yield();
            }
            return op switch
            {
                OpenOp open => await OpenAsync(open, ct).ConfigureAwait(false),
                CloseOp => await CloseAsync(handle as SmbOpen ?? Open(handle), ct).ConfigureAwait(false),
                ReadOp read => await ReadAsync(Open(handle), read, ct).ConfigureAwait(false),
                WriteOp write => await WriteAsync(Open(handle), write, ct).ConfigureAwait(false),
                FlushOp => await Run(() => Open(handle).File.FlushAsync(ct)).ConfigureAwait(false),
                TruncateOp t => await Run(() => Open(handle).File.SetEndOfFileAsync(t.Length, ct)).ConfigureAwait(false),
                LockOp l => await Run(() => Open(handle).File.LockAsync(l.Offset, l.Length, l.Exclusive, l.FailImmediately, ct)).ConfigureAwait(false),
                UnlockOp u => await Run(() => Open(handle).File.UnlockAsync(u.Offset, u.Length, ct)).ConfigureAwait(false),
                IoctlOp io => await IoctlAsync(Open(handle), io, ct).ConfigureAwait(false),
                StatOp { Handle: not null } => await StatHandleAsync(Open(handle), ct).ConfigureAwait(false),
                _ => await PathOpAsync(op, ct).ConfigureAwait(false),
            };
        }
        catch (SmbStatusException e)
        {
            return new OpOutcome(Status(e.Status), Error: e.Message);
        }
        catch (BackendRefusedException e)
        {
            return new OpOutcome(e.Status, Error: e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new OpOutcome(ReplayStatus.Cancelled, Error: "the run was stopped");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or TimeoutException)
        {
            _broken = true;
            return new OpOutcome(ReplayStatus.ConnectionLost, Error: $"{e.GetType().Name}: {e.Message}");
        }
    }

    internal static string Status(NtStatus status) => StatusText.Normalize(status.ToString()) ?? status.ToString();

    private static SmbOpen Open(object? handle)
    {
        var open = handle as SmbOpen
            ?? throw new BackendRefusedException("STATUS_INVALID_HANDLE", "the handle is not an SMB open of this session");
        // Answering a break with a close (as the captured client did) ends the open; the captured client sent
        // nothing more on it but its close, so anything else is what the server would say to a closed FileId.
        if (open.ClosedByBreak)
            throw new BackendRefusedException("STATUS_FILE_CLOSED", $"{open.Op.Handle} was closed when its break was answered");
        if (open.Lost)
            throw new BackendRefusedException(ReplayStatus.ConnectionLost,
                $"{open.Op.Handle} was lost with its connection (not durable, or the server did not keep it)");
        return open;
    }

    private static async Task<OpOutcome> Run(Func<Task> call)
    {
        await call().ConfigureAwait(false);
        return new OpOutcome(StatusText.Success);
    }

    private async Task<OpOutcome> OpenAsync(OpenOp op, CancellationToken ct)
    {
        var path = _backend.SmbPath(op.Path);
        var (request, leaseKey) = _creates.Build(op, path);
        SmbFile file;
        try
        {
            file = await _tree.CreateAsync(request, ct).ConfigureAwait(false);
        }
        catch (SmbStatusException e) when (_backend.Mode == ReplayMode.Mvp && op.Mode != OpenMode.Read
                                            && e.Status == NtStatus.ObjectPathNotFound)
        {
            // Mode 0: writers open-or-create, including the folders on the way.
            await SmbPaths.EnsureDirectoryAsync(_tree, SmbPaths.Parent(path), ct).ConfigureAwait(false);
            file = await _tree.CreateAsync(request, ct).ConfigureAwait(false);
        }
        var open = new SmbOpen(file, op, leaseKey);
        lock (_opens) _opens.Add(open);
        return new OpOutcome(StatusText.Success, (long)file.EndOfFile, open);
    }

    private async Task<OpOutcome> CloseAsync(SmbOpen open, CancellationToken ct)
    {
        lock (_opens) _opens.Remove(open);
        if (open.ClosedByBreak) return new OpOutcome(StatusText.Success, Error: "already closed when its break was answered");
        if (open.Lost) return new OpOutcome(ReplayStatus.ConnectionLost, Error: $"{open.Op.Handle} was lost with its connection");
        await open.File.CloseAsync(cancellationToken: ct).ConfigureAwait(false);
        return new OpOutcome(StatusText.Success);
    }

    private static async Task<OpOutcome> ReadAsync(SmbOpen open, ReadOp op, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, op.Length));
        try
        {
            var total = 0;
            while (total < op.Length)
            {
                var n = await open.File.ReadAsync(op.Offset + total, buffer.AsMemory(total, op.Length - total), ct).ConfigureAwait(false);
                if (n == 0) break;
                total += n;
            }
            return new OpOutcome(StatusText.Success, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<OpOutcome> WriteAsync(SmbOpen open, WriteOp op, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, op.Length));
        try
        {
            var data = buffer.AsMemory(0, op.Length);
            if (op.Blob != null && _backend.Blobs != null) _backend.Blobs.Read(op.Blob, data.Span);
            else Filler.Fill(data.Span, op.Offset);
            var written = await open.File.WriteAsync(op.Offset, data, ct).ConfigureAwait(false);
            return new OpOutcome(StatusText.Success, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<OpOutcome> IoctlAsync(SmbOpen open, IoctlOp op, CancellationToken ct)
    {
        var output = await open.File.IoctlAsync(op.CtlCode, new byte[op.InputLength],
            (uint)Math.Max(op.MaxOutputLength, 0), ct).ConfigureAwait(false);
        return new OpOutcome(StatusText.Success, output.Length);
    }

    private static async Task<OpOutcome> StatHandleAsync(SmbOpen open, CancellationToken ct)
    {
        var info = await open.File.QueryStandardInfoAsync(ct).ConfigureAwait(false);
        return new OpOutcome(StatusText.Success, info.EndOfFile);
    }

    public async ValueTask DisposeAsync()
    {
        _breakPumpStop.Cancel();
        ConnectionBreaks.Detach(_tree.Connection, this);
        _breaks.Writer.TryComplete();
        SmbOpen[] opens;
        lock (_opens) opens = [.. _opens];
        foreach (var open in opens)
        {
            try { await open.File.CloseAsync().ConfigureAwait(false); }
            catch (Exception e) when (e is SmbStatusException or IOException or ObjectDisposedException) { }
        }
        await _backend.ReleaseAsync(_tree).ConfigureAwait(false);
    }
}
