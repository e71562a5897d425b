namespace SMBench.Compiler.Tcp;

/// <summary>
/// Bounds on what one direction may hold while waiting for a missing segment. Past them the hole is declared a
/// gap and the stream moves on: memory stays proportional to connections, never to the capture.
/// </summary>
public sealed record ReassemblyLimits
{
    public static ReassemblyLimits Default { get; } = new();

    /// <summary>Out-of-order bytes held per direction.</summary>
    public int MaxBufferedBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Out-of-order segments held per direction.</summary>
    public int MaxBufferedSegments { get; init; } = 2048;

    /// <summary>A segment further ahead than this is not part of this stream (garbage or a reused port).</summary>
    public long MaxWindow { get; init; } = 256L * 1024 * 1024;
}
