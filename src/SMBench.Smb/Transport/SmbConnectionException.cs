namespace SMBench.Smb.Transport;

/// <summary>
/// The connection is gone or unusable: the peer closed or reset it, sent a malformed frame, failed a signature or
/// decryption check, left a request unanswered past the request timeout, or stopped answering keepalives. Every request waiting on that connection fails with it.
/// </summary>
public class SmbConnectionException : IOException
{
    public SmbConnectionException(string message) : base(message) { }
    public SmbConnectionException(string message, Exception? inner) : base(message, inner) { }
    public SmbConnectionException() { }
}
