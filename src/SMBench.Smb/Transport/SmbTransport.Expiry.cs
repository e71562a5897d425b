using System.Diagnostics;

namespace SMBench.Smb.Transport;

public sealed partial class SmbTransport
{
    private readonly object _expiryGate = new();
    private Timer? _expiryTimer;
    private TimeSpan? _requestTimeout;

    /// <summary>
    /// How long a request may go without any answer (final or interim STATUS_PENDING) before it fails with
    /// <see cref="SmbRequestTimeoutException"/> and the connection is closed (MS-SMB2 §3.2.6.1). After an interim
    /// answer the request waits without a limit (cancel it through its token: that sends SMB2 CANCEL). Null: no limit.
    /// </summary>
    public TimeSpan? RequestTimeout
    {
        get => _requestTimeout;
        set
        {
            if (value is { } v && v <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(value), "the request timeout must be positive");
            lock (_expiryGate)
            {
                _requestTimeout = value;
                _expiryTimer?.Dispose();
                _expiryTimer = null;
                if (value is not { } timeout || _failure != null) return;
                // One timer per connection walks the outstanding requests (the spec's Request Expiration Timer):
                // nothing is allocated per request, and the check is at most a quarter of the timeout late.
                var period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
                _expiryTimer = new Timer(static s => ((SmbTransport)s!).ExpireRequests(), this, period, period);
            }
        }
    }

    private void ExpireRequests()
    {
        if (_requestTimeout is not { } timeout || _failure != null) return;
        var now = Stopwatch.GetTimestamp();
        var limit = (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var entry in _pending)
        {
            var p = entry.Value;
            var sentAt = Volatile.Read(ref p.SentAt);
            if (p.Interim || sentAt == 0 || now - sentAt < limit) continue;
            if (!_pending.TryRemove(p.MessageId, out _)) continue;
            var expired = new SmbRequestTimeoutException(p.Command, p.MessageId, timeout, Endpoint);
            Fail(expired); // before the caller resumes: it must see a closed connection
            p.Completion.TrySetException(expired);
            return;
        }
    }

    private void StopExpiryTimer()
    {
        lock (_expiryGate)
        {
            _expiryTimer?.Dispose();
            _expiryTimer = null;
        }
    }
}
