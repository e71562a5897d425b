using System.Net;
using SMBench.Compiler.Framing;
using SMBench.Compiler.Tcp;
using Xunit;

namespace SMBench.Compiler.Tests.Tcp;

/// <summary>State stays bounded whatever the capture throws at the table: floods of connections and of segments.</summary>
public sealed class TcpConnectionTableTests
{
    private static TcpSegment Segment(int clientPort, uint seq, byte[] payload, bool syn = false, long frame = 1) => new(
        new TcpEndpoint(IPAddress.Parse("10.0.0.1"), (ushort)clientPort), new TcpEndpoint(IPAddress.Parse("10.0.0.2"), 445),
        seq, 0, false, syn, false, false, payload, 0, frame, frame);

    private static TcpConnectionTable Table(CountingHandler handler, int maxLive, ReassemblyLimits? limits = null)
        => new((_, _, _) => new TcpConnectionTable.Setup(handler, 0), limits ?? ReassemblyLimits.Default, maxLive);

    [Fact]
    public void A_flood_of_connections_never_holds_more_than_the_live_limit()
    {
        var handler = new CountingHandler();
        var table = Table(handler, maxLive: 100);
        for (var i = 0; i < 5000; i++)
        {
            table.OnSegment(Segment(1024 + i, 1, [], syn: true, frame: i));
            Assert.True(table.LiveCount <= 100);
        }
        Assert.Equal(5000, table.ConnectionsSeen);
        Assert.Equal(4900, table.ConnectionsEvicted);
        table.CloseAll(5001);
        Assert.Equal(5000, handler.Closed);
    }

    [Fact]
    public void A_flood_of_out_of_order_segments_stays_within_the_reassembly_limits()
    {
        var handler = new CountingHandler();
        var limits = new ReassemblyLimits { MaxBufferedBytes = 64 * 1024, MaxBufferedSegments = 128 };
        var table = Table(handler, 10, limits);
        table.OnSegment(Segment(5000, 0, [], syn: true));
        var chunk = new byte[1000];
        // Every other 1000-byte segment is missing and nothing ever acknowledges: the queue must give up, not grow.
        for (var i = 0; i < 20_000; i++) table.OnSegment(Segment(5000, (uint)(1 + 2000 * (i + 1)), chunk, frame: i + 2));
        Assert.True(table.Reassembly.PeakBufferedBytes <= limits.MaxBufferedBytes + chunk.Length);
        Assert.True(table.Reassembly.ForcedGaps > 0);
    }

    [Fact]
    public void Closed_connections_leave_the_table()
    {
        var handler = new CountingHandler();
        var table = Table(handler, 10);
        table.OnSegment(Segment(6000, 0, [], syn: true));
        table.OnSegment(new TcpSegment(new TcpEndpoint(IPAddress.Parse("10.0.0.1"), 6000), new TcpEndpoint(IPAddress.Parse("10.0.0.2"), 445),
            1, 0, false, false, false, true, ArraySegment<byte>.Empty, 0, 2, 2));
        Assert.Equal(0, table.LiveCount);
        Assert.Equal(1, handler.Closed);
    }

    private sealed class CountingHandler : IConnectionMessageHandler
    {
        public int Closed { get; private set; }

        public void OnMessage(TcpEndpoint source, TcpEndpoint destination, ReadOnlySpan<byte> message, long timestampUs, long frame) { }

        public void OnStreamGap(TcpEndpoint source, long frame) { }

        public void OnClosed(long frame) => Closed++;
    }
}
