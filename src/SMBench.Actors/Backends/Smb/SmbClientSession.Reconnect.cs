using SMBench.Smb.Client;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;

namespace SMBench.Actors.Backends.Smb;

internal sealed partial class SmbClientSession
{
    private static readonly TimeSpan[] ReconnectBackoff =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>
    /// A new connection, login and tree connect after the old one died, with backoff. In full mode every durable open
    /// is reclaimed (DHnC / DH2C with the same lease); other opens are lost, and ops on them report it.
    /// </summary>
    private async Task ReconnectAsync(CancellationToken ct)
    {
        var dead = _tree.Connection;
        dead.Abort();
        ConnectionBreaks.Detach(dead, this);
        Exception? last = null;
        foreach (var delay in ReconnectBackoff)
        {
            try
            {
                await Task.Delay(delay, ct).ConfigureAwait(false);
                _tree = await _backend.ConnectAsync(_credential, _clientGuid, dead, ct).ConfigureAwait(false);
                StartBreakPump();
                _broken = false;
                Reconnects++;
                await ReclaimAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is IOException or TimeoutException)
            {
                last = e;
            }
        }
        throw new IOException($"reconnect to {_backend.Target.Host}:{_backend.Target.Port} failed: {last?.Message}", last);
    }

    private async Task ReclaimAsync(CancellationToken ct)
    {
        SmbOpen[] opens;
        lock (_opens) opens = [.. _opens];
        foreach (var open in opens)
        {
            var old = open.File;
            var reconnect = ReconnectContext(old);
            if (reconnect == null)
            {
                open.Lost = true;
                continue;
            }
            var contexts = old.Request.CreateContexts.Where(c => c is LeaseContext).Append(reconnect).ToList();
            try
            {
                open.File = await _tree.CreateAsync(old.Request with
                {
                    CreateDisposition = CreateDisposition.Open,
                    CreateContexts = contexts,
                }, ct).ConfigureAwait(false);
                ReclaimedHandles++;
            }
            catch (SmbStatusException)
            {
                open.Lost = true; // the server dropped it (timeout, or it did not keep it durable)
            }
        }
    }

    private static CreateContext? ReconnectContext(SmbFile file)
    {
        if (!file.IsDurable) return null;
        return file.Request.Find<DurableHandleRequestV2>() is { } v2
            ? new DurableHandleReconnectV2(file.FileId, v2.CreateGuid, v2.Flags)
            : new DurableHandleReconnect(file.FileId);
    }

    public long ReclaimedHandles { get; private set; }
}
