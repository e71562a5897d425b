namespace SMBench.Smb.Protocol;

/// <summary>
/// A received buffer is not a well-formed SMB2 message: truncated, an offset or length outside the message, a wrong
/// StructureSize. Derives from <see cref="FormatException"/> so capture decoders can treat it as bad input.
/// </summary>
public sealed class SmbProtocolException : FormatException
{
    public SmbProtocolException()
    {
    }

    public SmbProtocolException(string message)
        : base(message)
    {
    }

    public SmbProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
