using System.Text;
using SMBench.Compiler.Tcp;
using Xunit;

namespace SMBench.Compiler.Tests.Tcp;

public sealed class TcpStreamReassemblerTests
{
    private readonly RecordingSink _sink = new();
    private readonly ReassemblyStats _stats = new();

    private TcpStreamReassembler Create(ReassemblyLimits? limits = null) => new(_sink, limits ?? ReassemblyLimits.Default, _stats);

    private static void Send(TcpStreamReassembler r, uint seq, string data, bool syn = false, bool fin = false, int missing = 0)
        => r.OnSegment(seq, syn, fin, Encoding.ASCII.GetBytes(data), missing, 0, 1);

    [Fact]
    public void In_order_segments_after_syn_are_delivered_as_one_stream()
    {
        var r = Create();
        Send(r, 1000, "", syn: true);
        Send(r, 1001, "hello ");
        Send(r, 1007, "world");
        Assert.Equal("hello world", _sink.Text);
        Assert.Empty(_sink.Gaps);
    }

    [Fact]
    public void Out_of_order_segments_are_put_back_in_order()
    {
        var r = Create();
        Send(r, 0, "", syn: true);
        Send(r, 7, "cc");
        Send(r, 4, "bbb");
        Assert.Equal("", _sink.Text);
        Send(r, 1, "aaa");
        Assert.Equal("aaabbbcc", _sink.Text);
        Assert.Equal(2, _stats.OutOfOrderSegments);
    }

    [Fact]
    public void Retransmitted_segments_are_delivered_once()
    {
        var r = Create();
        Send(r, 0, "", syn: true);
        Send(r, 1, "abc");
        Send(r, 1, "abc");
        Send(r, 4, "def");
        Send(r, 1, "abc");
        Assert.Equal("abcdef", _sink.Text);
        Assert.Equal(2, _stats.RetransmittedSegments);
    }

    [Fact]
    public void Overlapping_segments_keep_the_first_copy_and_add_only_new_bytes()
    {
        var r = Create();
        Send(r, 0, "", syn: true);
        Send(r, 1, "abcd");
        Send(r, 3, "CDEF");
        Assert.Equal("abcdEF", _sink.Text);
        Assert.Equal(1, _stats.OverlappingSegments);
    }

    [Fact]
    public void Overlap_between_queued_out_of_order_segments_is_trimmed()
    {
        var r = Create();
        Send(r, 0, "", syn: true);
        Send(r, 5, "efgh");
        Send(r, 3, "cdEF");
        Send(r, 1, "ab");
        Assert.Equal("abcdEFgh", _sink.Text);
    }

    [Fact]
    public void Sequence_numbers_wrap_around_zero()
    {
        var r = Create();
        Send(r, uint.MaxValue - 4, "", syn: true);
        Send(r, uint.MaxValue - 3, "abcd");
        Send(r, 4, "ijk");
        Send(r, 0, "efgh");
        Assert.Equal("abcdefghijk", _sink.Text);
        Assert.Empty(_sink.Gaps);
    }

    [Fact]
    public void A_missing_segment_becomes_a_gap_when_the_peer_acknowledges_past_it()
    {
        var r = Create();
        Send(r, 0, "", syn: true);
        Send(r, 1, "aaaa");
        Send(r, 9, "cccc");
        r.OnPeerAck(13, 5);
        Assert.Equal("aaaa####cccc", _sink.Text);
        Assert.Equal([4L], _sink.Gaps);
    }

    [Fact]
    public void A_lost_tail_is_flagged_when_the_ack_is_beyond_everything_seen()
    {
        var r = Create();
        Send(r, 0, "", syn: true);
        Send(r, 1, "aa");
        r.OnPeerAck(10, 5);
        Send(r, 10, "zz");
        Assert.Equal("aa#######zz", _sink.Text);
        Assert.Equal([7L], _sink.Gaps);
    }

    [Fact]
    public void Finish_flushes_queued_data_behind_a_gap()
    {
        var r = Create();
        Send(r, 0, "", syn: true);
        Send(r, 1, "a");
        Send(r, 5, "e");
        r.Finish(9);
        Assert.Equal("a###e", _sink.Text);
    }

    [Fact]
    public void Out_of_order_queue_is_bounded_and_forces_a_gap_when_full()
    {
        var r = Create(new ReassemblyLimits { MaxBufferedSegments = 3, MaxBufferedBytes = 1 << 20 });
        Send(r, 0, "", syn: true);
        for (var i = 0; i < 10; i++) Send(r, (uint)(101 + i * 2), "x");
        Assert.True(r.BufferedSegments <= 3);
        Assert.True(_stats.ForcedGaps > 0);
        Assert.NotEmpty(_sink.Gaps);
    }

    [Fact]
    public void Out_of_order_bytes_are_bounded()
    {
        var r = Create(new ReassemblyLimits { MaxBufferedBytes = 1000, MaxBufferedSegments = 10_000 });
        Send(r, 0, "", syn: true);
        var chunk = new string('y', 100);
        for (var i = 0; i < 100; i++) Send(r, (uint)(10_001 + i * 100), chunk);
        Assert.True(r.BufferedBytes <= 1000);
    }

    [Fact]
    public void Capture_that_starts_mid_stream_uses_the_first_segment_as_origin()
    {
        var r = Create();
        Send(r, 5000, "mid");
        Send(r, 5003, "dle");
        Assert.Equal("middle", _sink.Text);
    }

    [Fact]
    public void Snap_length_cut_payload_becomes_a_gap_of_the_missing_bytes()
    {
        var r = Create();
        Send(r, 0, "", syn: true);
        Send(r, 1, "ab", missing: 3);
        Send(r, 6, "f");
        Assert.Equal("ab###f", _sink.Text);
        Assert.Equal([3L], _sink.Gaps);
    }

    [Fact]
    public void Segments_far_outside_the_window_are_ignored()
    {
        var r = Create(new ReassemblyLimits { MaxWindow = 1000 });
        Send(r, 0, "", syn: true);
        Send(r, 1, "ok");
        Send(r, 2_000_000, "garbage");
        Send(r, 3, "!");
        Assert.Equal("ok!", _sink.Text);
        Assert.Equal(1, _stats.OutOfWindowSegments);
    }
}
