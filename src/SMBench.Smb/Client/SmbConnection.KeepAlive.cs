using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbConnection
{
    /// <summary>Sends SMB2 ECHO (no session needed) and waits for the answer.</summary>
    public async Task EchoAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Transport.SendAsync(new Smb2Request(Smb2Command.Echo, 4, WriteEmptyBody) { UseCreditReserve = true },
            cancellationToken).ConfigureAwait(false);
        response.EnsureStatus();
    }

    /// <summary>ECHO, CANCEL, LOGOFF and TREE_DISCONNECT share a 4-byte body: StructureSize 4 and a reserved word.</summary>
    internal static void WriteEmptyBody(Span<byte> body)
    {
        body[..4].Clear();
        body[0] = 4;
    }

    private async Task KeepAliveLoopAsync(TimeSpan interval)
    {
        var ct = _lifetime.Token;
        try
        {
            while (!ct.IsCancellationRequested && Transport.IsConnected)
            {
                await Task.Delay(interval, ct).ConfigureAwait(false);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(interval);
                try
                {
                    await EchoAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    Transport.Abort(new SmbConnectionException($"{Host}:{Port} did not answer ECHO within {interval.TotalSeconds:0.#} s"));
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SmbConnectionException)
        {
        }
        catch (SmbStatusException)
        {
        }
    }
}
