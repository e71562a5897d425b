using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using Xunit;
using static SMBench.Smb.Tests.Messages.Wire;

namespace SMBench.Smb.Tests.Messages;

public class CloseFlushReadWriteTests
{
    private static readonly FileId Fid = new(0x0102030405060708, 0x1112131415161718);

    [Fact]
    public void Close_request_and_response_round_trip_on_spec_offsets()
    {
        var req = new CloseRequest(Fid, CloseFlags.PostQueryAttrib);
        var msg = Encode(req);
        Assert.Equal(64 + 24, msg.Length);
        Assert.Equal(24, U16(msg, 64));
        Assert.Equal(1, U16(msg, 66));
        Assert.Equal(Fid.Persistent, U64(msg, 72));
        Assert.Equal(req, CloseRequest.Parse(msg));

        var resp = new CloseResponse { Flags = CloseFlags.PostQueryAttrib, CreationTime = 1, LastAccessTime = 2, LastWriteTime = 3, ChangeTime = 4, AllocationSize = 4096, EndOfFile = 10, FileAttributes = SmbFileAttributes.Archive };
        var rmsg = Encode(resp, response: true);
        Assert.Equal(64 + 60, rmsg.Length);
        Assert.Equal(10ul, U64(rmsg, 64 + 48));
        Assert.Equal(0x20u, U32(rmsg, 64 + 56));
        Assert.Equal(resp, CloseResponse.Parse(rmsg));
        AssertEveryTruncationRejected(rmsg, b => CloseResponse.Parse(b), rmsg.Length);
    }

    [Fact]
    public void Flush_round_trips()
    {
        var msg = Encode(new FlushRequest(Fid));
        Assert.Equal(Fid, FlushRequest.Parse(msg).FileId);
        Assert.Equal(Fid.Volatile, U64(msg, 64 + 16));
        var resp = Encode(new FlushResponse(), response: true);
        Assert.Equal(68, resp.Length);
        FlushResponse.Parse(resp);
        AssertEveryTruncationRejected(msg, b => FlushRequest.Parse(b), msg.Length);
    }

    [Fact]
    public void Read_request_round_trips_on_spec_offsets()
    {
        var req = new ReadRequest { Padding = 0x50, Flags = ReadFlags.Unbuffered, Length = 65536, Offset = 1 << 30, FileId = Fid, MinimumCount = 1, RemainingBytes = 5 };
        var msg = Encode(req);
        Assert.Equal(64 + 49, msg.Length);
        Assert.Equal(49, U16(msg, 64));
        Assert.Equal(0x50, msg[66]);
        Assert.Equal(65536u, U32(msg, 68));
        Assert.Equal(1ul << 30, U64(msg, 72));
        Assert.Equal(Fid.Persistent, U64(msg, 80));
        Assert.Equal(1u, U32(msg, 96));
        Assert.Equal(req, ReadRequest.Parse(msg));
        // 48 bytes of fixed body are enough: the one-byte buffer is optional on receive.
        Assert.Equal(req, ReadRequest.Parse(msg.AsSpan(0, 64 + 48)));
        AssertEveryTruncationRejected(msg, b => ReadRequest.Parse(b), 64 + 48);
    }

    [Fact]
    public void Read_response_data_is_a_view_at_DataOffset()
    {
        var data = new byte[300];
        Random.Shared.NextBytes(data);
        var msg = Encode(new ReadResponse(data, dataRemaining: 7), response: true);
        Assert.Equal(0x50, msg[66]);
        Assert.Equal(300u, U32(msg, 68));
        var parsed = ReadResponse.Parse(msg);
        Assert.True(parsed.Data.SequenceEqual(data));
        Assert.Equal(7u, parsed.DataRemaining);
        Assert.Equal(300u, ReadResponse.PeekDataLength(msg));

        var hostile = (byte[])msg.Clone();
        Put32(hostile, 68, 0x7FFF_FFFF); // DataLength far past the end
        Assert.Throws<SmbProtocolException>(() => ReadResponse.Parse(hostile));
        var intoHeader = (byte[])msg.Clone();
        intoHeader[66] = 8;
        Assert.Throws<SmbProtocolException>(() => ReadResponse.Parse(intoHeader));
    }

    [Fact]
    public void Empty_read_response_parses()
    {
        var msg = Encode(new ReadResponse([]), response: true);
        Assert.Equal(64 + 17, msg.Length);
        Assert.Equal(0, ReadResponse.Parse(msg).DataLength);
    }

    [Fact]
    public void Write_request_round_trips_and_puts_data_at_0x70()
    {
        var data = "hello, world"u8.ToArray();
        var req = new WriteRequest(Fid, 4096, data) { Flags = WriteFlags.WriteThrough, RemainingBytes = 3 };
        var msg = Encode(req);
        Assert.Equal(64 + 48 + data.Length, msg.Length);
        Assert.Equal(49, U16(msg, 64));
        Assert.Equal(0x70, U16(msg, 66));
        Assert.Equal((uint)data.Length, U32(msg, 68));
        Assert.Equal(4096ul, U64(msg, 72));
        Assert.Equal(1u, U32(msg, 64 + 44));
        Assert.Equal(data, msg.AsSpan(0x70).ToArray());

        var parsed = WriteRequest.Parse(msg);
        Assert.True(parsed.Data.SequenceEqual(data));
        Assert.Equal(Fid, parsed.FileId);
        Assert.Equal(4096ul, parsed.Offset);
        Assert.Equal(WriteFlags.WriteThrough, parsed.Flags);
        Assert.Equal(3u, parsed.RemainingBytes);

        var cut = msg.AsSpan(0, msg.Length - 1).ToArray();
        Assert.Throws<SmbProtocolException>(() => WriteRequest.Parse(cut));
        Assert.Equal((Fid, 4096ul, (uint)data.Length), WriteRequest.PeekHeader(cut));
    }

    [Fact]
    public void Write_without_data_matches_the_full_encoding_prefix()
    {
        var data = new byte[100];
        var full = Encode(new WriteRequest(Fid, 8, data));
        var head = new byte[64 + 48];
        new Smb2Header { Command = Smb2Command.Write }.WriteTo(head);
        Assert.Equal(112, WriteRequest.WriteWithoutData(head, Fid, 8, 100));
        Assert.Equal(full.AsSpan(0, 112).ToArray(), head);
    }

    [Fact]
    public void Write_response_round_trips()
    {
        var resp = new WriteResponse { Count = 65536, Remaining = 0 };
        var msg = Encode(resp, response: true);
        Assert.Equal(17, U16(msg, 64));
        Assert.Equal(65536u, U32(msg, 68));
        Assert.Equal(resp, WriteResponse.Parse(msg));
        AssertEveryTruncationRejected(msg, b => WriteResponse.Parse(b), 64 + 16);
    }
}
