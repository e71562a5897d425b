using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbConnection
{
    /// <summary>Sends SMB2 ECHO (no session needed) and waits for the answer.</summary>
    public async Task EchoAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Transport.SendAsync(Smb2Request.For(new EchoRequest()) with { UseCreditReserve = true },
            cancellationToken).ConfigureAwait(false);
        response.EnsureStatus();
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
        catch (ObjectDisposedException)
        {
        }
    }
}
