using SMBench.Compiler.Tcp;

namespace SMBench.Compiler.Framing;

/// <summary>What the SMB layer sees of one TCP connection: framed messages from either side, gaps, the end.</summary>
public interface IConnectionMessageHandler
{
    void OnMessage(TcpEndpoint source, TcpEndpoint destination, ReadOnlySpan<byte> message, long timestampUs, long frame);

    void OnStreamGap(TcpEndpoint source, long frame);

    void OnClosed(long frame);
}
