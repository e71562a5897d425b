namespace SMBench.Compiler.Tcp;

/// <summary>
/// One TCP segment lifted out of a frame. <see cref="MissingBytes"/> counts payload the snap length cut off; the
/// reassembler turns it into a gap rather than pretending the stream is whole.
/// </summary>
public readonly record struct TcpSegment(
    TcpEndpoint Source,
    TcpEndpoint Destination,
    uint Sequence,
    uint Acknowledgment,
    bool HasAck,
    bool Syn,
    bool Fin,
    bool Rst,
    ArraySegment<byte> Payload,
    int MissingBytes,
    long TimestampUs,
    long Frame);
