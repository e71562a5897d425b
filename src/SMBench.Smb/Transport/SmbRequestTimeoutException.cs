using SMBench.Smb.Protocol;

namespace SMBench.Smb.Transport;

/// <summary>
/// The server sent neither a response nor an interim STATUS_PENDING for a request within the connection's request
/// timeout (MS-SMB2 §3.2.6.1). The request fails with this exception and the connection is closed: its credits and
/// MessageId are gone, and a server that stops answering is not trusted with the next request.
/// </summary>
public sealed class SmbRequestTimeoutException : SmbConnectionException
{
    public SmbRequestTimeoutException(Smb2Command command, ulong messageId, TimeSpan timeout, string endpoint)
        : base($"{command} request (MessageId {messageId}) to {endpoint} got no response within {timeout.TotalSeconds:0.###} s; " +
               "the connection is closed")
    {
        Command = command;
        MessageId = messageId;
        Timeout = timeout;
    }

    public SmbRequestTimeoutException() { }
    public SmbRequestTimeoutException(string message) : base(message) { }
    public SmbRequestTimeoutException(string message, Exception? inner) : base(message, inner) { }

    public Smb2Command Command { get; }
    public ulong MessageId { get; }
    public TimeSpan Timeout { get; }
}
