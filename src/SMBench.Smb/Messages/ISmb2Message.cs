using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// A message body codec. Every codec works on a whole SMB2 message that starts at its 64-byte header (one part of
/// a compound), because the spec's buffer offsets count from the header: <c>Parse(message)</c> reads the body at
/// <c>message[64..]</c>; <see cref="WriteTo"/> writes the body there and leaves the header to the caller.
/// </summary>
public interface ISmb2Message
{
    /// <summary>The command this body belongs to (goes into the header).</summary>
    Smb2Command Command { get; }

    /// <summary>Bytes <see cref="WriteTo"/> writes after the header.</summary>
    int BodyLength { get; }

    /// <summary>Writes the body at <c>message[64..]</c>; returns the message length (64 + body).</summary>
    int WriteTo(Span<byte> message);
}

/// <summary>A request codec that writes only its body (after the header); the message-level WriteTo is written once here.</summary>
public abstract record Smb2BodyRequest : ISmb2Message
{
    public abstract Smb2Command Command { get; }

    public abstract int BodyLength { get; }

    /// <summary>Writes the body at <c>body[0..]</c>, the part of the message after its 64-byte header.</summary>
    public abstract void WriteBody(Span<byte> body);

    public int WriteTo(Span<byte> message)
    {
        WriteBody(message[Smb2Header.Size..]);
        return Smb2Header.Size + BodyLength;
    }
}
