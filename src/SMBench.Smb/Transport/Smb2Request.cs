using SMBench.Smb.Protocol;

namespace SMBench.Smb.Transport;

/// <summary>
/// Writes a request body into its final place in the send buffer. Like the message codecs' <c>WriteTo</c>, it gets
/// the whole message span and writes the body at <c>message[64..]</c>; the header is the transport's.
/// </summary>
public delegate void Smb2BodyWriter(Span<byte> message);

/// <summary>
/// One request as the client layer hands it to the transport: header fields the caller owns, the body, and how
/// to send it. MessageId, credits and signing are the transport's job.
/// </summary>
public sealed record Smb2Request(Smb2Command Command, int BodyLength, Smb2BodyWriter WriteBody)
{
    public ulong SessionId { get; init; }
    public uint TreeId { get; init; }

    /// <summary>Bytes appended after the body without a copy into an intermediate buffer (WRITE data).</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Largest response the caller expects; drives CreditCharge for READ, QUERY_* and IOCTL.</summary>
    public int ExpectedResponseLength { get; init; }

    /// <summary>Related compound part: the server reuses the previous part's FileId, SessionId and TreeId.</summary>
    public bool Related { get; init; }

    /// <summary>May dip into the credit reserve kept for oplock and lease break acknowledgments.</summary>
    public bool UseCreditReserve { get; init; }

    /// <summary>Sign with the session's key when it has one (false for the SESSION_SETUP exchange).</summary>
    public bool Sign { get; init; } = true;

    /// <summary>Send inside a TRANSFORM_HEADER with the session's keys.</summary>
    public bool Encrypt { get; init; }

    /// <summary>Called with the exact bytes of the message as sent (preauth integrity hashing).</summary>
    public Action<ReadOnlySpan<byte>>? OnSent { get; init; }

    public int MessageLength => Smb2Header.Size + BodyLength + Payload.Length;

    /// <summary>A request from a message codec (CREATE, CLOSE, QUERY_INFO, …).</summary>
    public static Smb2Request For<T>(T message) where T : Messages.ISmb2Message
        => new(message.Command, message.BodyLength, m => message.WriteTo(m));
}
