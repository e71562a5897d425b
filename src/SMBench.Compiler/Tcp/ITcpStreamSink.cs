namespace SMBench.Compiler.Tcp;

/// <summary>Receives one direction of a TCP connection as an ordered byte stream with its holes marked.</summary>
public interface ITcpStreamSink
{
    /// <summary>Next in-order bytes; the span is only valid during the call.</summary>
    void OnData(ReadOnlySpan<byte> data, long timestampUs, long frame);

    /// <summary>Bytes the capture never showed (lost by the capture, cut by the snap length, or dropped by a limit).</summary>
    void OnGap(long missingBytes, long frame);
}
