using SMBench.Smb.Protocol;

namespace SMBench.Smb.Transport;

/// <summary>
/// A response to a signed request arrived unsigned or with a wrong signature (MS-SMB2 §3.2.5.1.3). The message is
/// discarded, the request fails with this exception and the connection is closed: someone or something on the path
/// altered the traffic, so nothing more it carries can be trusted.
/// </summary>
public sealed class SmbSignatureException : SmbConnectionException
{
    public SmbSignatureException(Smb2Command command, ulong messageId, bool unsigned, string endpoint)
        : base($"{command} response (MessageId {messageId}) from {endpoint} " +
               (unsigned ? "is not signed although its request was" : "has a wrong signature") + "; the connection is closed")
    {
        Command = command;
        MessageId = messageId;
        Unsigned = unsigned;
    }

    public SmbSignatureException() { }
    public SmbSignatureException(string message) : base(message) { }
    public SmbSignatureException(string message, Exception? inner) : base(message, inner) { }

    public Smb2Command Command { get; }
    public ulong MessageId { get; }

    /// <summary>True when the response carried no signature at all; false when the signature was wrong.</summary>
    public bool Unsigned { get; }
}
