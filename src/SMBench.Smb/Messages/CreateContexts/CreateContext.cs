namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>
/// One SMB2_CREATE_CONTEXT (MS-SMB2 §2.2.13.2): a tag (usually 4 ASCII bytes, e.g. "RqLs") and a data blob.
/// Known tags parse into typed subclasses; anything else stays a <see cref="RawCreateContext"/>.
/// </summary>
public abstract record CreateContext
{
    /// <summary>The tag as Latin-1 text, so any byte string round-trips ("RqLs", "DH2Q", …).</summary>
    public abstract string Name { get; }

    /// <summary>Length of the context's data.</summary>
    public abstract int DataLength { get; }

    /// <summary>Writes exactly <see cref="DataLength"/> bytes.</summary>
    public abstract void WriteData(Span<byte> destination);
}
