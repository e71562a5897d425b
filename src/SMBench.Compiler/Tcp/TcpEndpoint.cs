using System.Net;

namespace SMBench.Compiler.Tcp;

/// <summary>An address and port; one side of a TCP connection.</summary>
public readonly record struct TcpEndpoint(IPAddress Address, ushort Port) : IComparable<TcpEndpoint>
{
    public int CompareTo(TcpEndpoint other)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        Address.TryWriteBytes(a, out var la);
        other.Address.TryWriteBytes(b, out var lb);
        var c = la.CompareTo(lb);
        if (c != 0) return c;
        c = a[..la].SequenceCompareTo(b[..lb]);
        return c != 0 ? c : Port.CompareTo(other.Port);
    }

    public override string ToString() => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? $"[{Address}]:{Port}"
        : $"{Address}:{Port}";
}
