namespace SMBench.Compiler.Framing;

/// <summary>Receives whole SMB messages (transport prefix removed) from one direction of a connection.</summary>
public interface ISmbMessageSink
{
    /// <summary>The span is only valid during the call.</summary>
    void OnMessage(ReadOnlySpan<byte> message, long timestampUs, long frame);

    /// <summary>The stream lost bytes; messages in flight across the hole are gone.</summary>
    void OnStreamGap(long frame);
}
