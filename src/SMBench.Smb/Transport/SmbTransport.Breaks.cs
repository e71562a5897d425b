namespace SMBench.Smb.Transport;

public sealed partial class SmbTransport
{
    /// <summary>
    /// Sees every break notification on the read loop the moment it arrives, before it is queued on
    /// <see cref="Breaks"/>; returning true claims it (it is not queued). This is the short path for answering a
    /// break: start the acknowledgment from here and return — no thread hop, no queue. It must not block; an
    /// exception it throws is swallowed and the notification queued as usual.
    /// </summary>
    public Func<BreakNotification, bool>? BreakHandler { get; set; }

    private void OnBreak(BreakNotification notification)
    {
        var claimed = false;
        try
        {
            claimed = BreakHandler?.Invoke(notification) == true;
        }
#pragma warning disable CA1031 // a broken handler must not take the connection's read loop down with it
        catch (Exception)
#pragma warning restore CA1031
        {
            claimed = false;
        }
        if (!claimed) _breaks.Writer.TryWrite(notification);
    }
}
