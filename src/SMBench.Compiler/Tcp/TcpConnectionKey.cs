namespace SMBench.Compiler.Tcp;

/// <summary>A 4-tuple with its endpoints in a fixed order, so both directions find the same connection.</summary>
public readonly record struct TcpConnectionKey(TcpEndpoint Low, TcpEndpoint High)
{
    public static TcpConnectionKey Of(TcpEndpoint a, TcpEndpoint b) => a.CompareTo(b) <= 0 ? new(a, b) : new(b, a);
}
