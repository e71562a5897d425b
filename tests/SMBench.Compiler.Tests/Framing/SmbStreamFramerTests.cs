using System.Buffers.Binary;
using SMBench.Compiler.Framing;
using Xunit;

namespace SMBench.Compiler.Tests.Framing;

public sealed class SmbStreamFramerTests
{
    private readonly Recorder _sink = new();
    private readonly FramingStats _stats = new();

    /// <summary>A framed SMB2-looking message: 4-byte prefix, 0xFE 'SMB', then <paramref name="marker"/> filler.</summary>
    private static byte[] Message(byte marker, int bodyLength = 60, byte protocol = 0xFE)
    {
        var m = new byte[4 + 4 + bodyLength];
        BinaryPrimitives.WriteUInt32BigEndian(m, (uint)(4 + bodyLength));
        m[4] = protocol;
        m[5] = (byte)'S';
        m[6] = (byte)'M';
        m[7] = (byte)'B';
        m.AsSpan(8).Fill(marker);
        return m;
    }

    private SmbStreamFramer Create(long probeLimit = 0) => new(_sink, _stats, probeLimit);

    [Fact]
    public void Two_messages_in_one_segment_are_both_framed()
    {
        var f = Create();
        f.OnData([.. Message(1), .. Message(2)], 0, 1);
        Assert.Equal([1, 2], _sink.Markers);
    }

    [Fact]
    public void A_message_split_over_many_segments_is_framed_once_whole()
    {
        var f = Create();
        var m = Message(7, 5000);
        for (var i = 0; i < m.Length; i += 333) f.OnData(m.AsSpan(i, Math.Min(333, m.Length - i)), i, i);
        Assert.Equal([7], _sink.Markers);
        Assert.Equal(5004, _sink.Lengths[0]);
        Assert.Equal(0, _sink.Timestamps[0]);
    }

    [Fact]
    public void NetBios_session_request_and_keepalive_carry_no_smb()
    {
        var f = Create();
        byte[] sessionRequest = [0x81, 0, 0, 4, 1, 2, 3, 4];
        byte[] positive = [0x82, 0, 0, 0];
        byte[] keepalive = [0x85, 0, 0, 0];
        f.OnData([.. sessionRequest, .. Message(1), .. keepalive, .. Message(2)], 0, 1);
        f.OnData(positive, 0, 2);
        Assert.Equal([1, 2], _sink.Markers);
    }

    [Fact]
    public void After_a_gap_the_framer_resyncs_on_the_next_smb_header()
    {
        var f = Create();
        var m = Message(1, 200);
        f.OnData(m.AsSpan(0, 100), 0, 1);
        f.OnGap(50, 2);
        f.OnData(m.AsSpan(150), 0, 3); // tail of the lost message: junk now
        f.OnData(Message(2), 0, 4);
        Assert.Equal([2], _sink.Markers);
        Assert.Equal(1, _sink.Gaps);
    }

    [Fact]
    public void Garbage_before_the_first_header_is_skipped()
    {
        var f = Create();
        f.OnData([.. new byte[] { 9, 9, 9, 0, 0, 1 }, .. Message(3), .. Message(4, 60, 0xFD)], 0, 1);
        Assert.Equal([3, 4], _sink.Markers);
    }

    [Fact]
    public void Impossible_length_is_treated_as_loss_of_sync()
    {
        var f = Create();
        byte[] bogus = [0x00, 0xFF, 0xFF, 0xFF, 0xFE, (byte)'S', (byte)'M', (byte)'B'];
        f.OnData([.. bogus, .. Message(5)], 0, 1);
        Assert.Equal([5], _sink.Markers);
    }

    [Fact]
    public void A_stream_that_never_looks_like_smb_is_given_up_after_the_probe_limit()
    {
        var f = Create(probeLimit: 1000);
        var http = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("GET / HTTP/1.1\r\nHost: x\r\n\r\n", 100)));
        f.OnData(http, 0, 1);
        Assert.True(f.GaveUp);
        f.OnData(Message(1), 0, 2);
        Assert.Empty(_sink.Markers);
    }

    [Fact]
    public void Giving_up_in_the_middle_of_a_segment_stops_cleanly()
    {
        var f = Create(probeLimit: 10);
        f.OnData([.. new byte[100], .. Message(1)], 0, 1);
        Assert.True(f.GaveUp);
        Assert.Empty(_sink.Markers);
    }

    [Fact]
    public void Zero_length_frames_are_loss_of_sync_not_messages()
    {
        var f = Create();
        f.OnData([0, 0, 0, 0, .. Message(6)], 0, 1);
        Assert.Equal([6], _sink.Markers);
    }

    private sealed class Recorder : ISmbMessageSink
    {
        public List<int> Markers { get; } = [];
        public List<int> Lengths { get; } = [];
        public List<long> Timestamps { get; } = [];
        public int Gaps { get; private set; }

        public void OnMessage(ReadOnlySpan<byte> message, long timestampUs, long frame)
        {
            Markers.Add(message.Length > 4 ? message[4] : -1);
            Lengths.Add(message.Length);
            Timestamps.Add(timestampUs);
        }

        public void OnStreamGap(long frame) => Gaps++;
    }
}
