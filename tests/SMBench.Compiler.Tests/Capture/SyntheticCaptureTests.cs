using System.Buffers.Binary;
using System.Net;
using SMBench.Compiler.Tests.Smb;
using SMBench.Core.Ir;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using Xunit;

namespace SMBench.Compiler.Tests.Capture;

/// <summary>Hand-made captures: IPv6 in a VLAN, on an odd port, with reordered, retransmitted and split segments.</summary>
public sealed class SyntheticCaptureTests : IDisposable
{
    private const byte Syn = 0x02, Ack = 0x10, Psh = 0x08, Fin = 0x01;
    private static readonly IPAddress Client = IPAddress.Parse("fd00::10");
    private static readonly IPAddress Server = IPAddress.Parse("fd00::20");
    private readonly string _dir = TestPaths.NewTempDir("synthetic");

    public void Dispose() => Directory.Delete(_dir, true);

    private static byte[] Framed(byte[] message)
    {
        var framed = new byte[4 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed, (uint)message.Length);
        message.CopyTo(framed, 4);
        return framed;
    }

    [Fact]
    public async Task Ipv6_vlan_capture_with_reordering_and_retransmits_compiles_to_the_sent_operations()
    {
        var fid = new FileId(1, 2);
        var data = Enumerable.Range(0, 6000).Select(i => (byte)i).ToArray();
        var requests = Framed(Conversation.Part(new CreateRequest { Name = @"dir\file.bin", DesiredAccess = FileAccessMask.GenericWrite, CreateDisposition = CreateDisposition.OverwriteIf }, 5))
            .Concat(Framed(Conversation.Part(new WriteRequest(fid, 0, data), 6)))
            .Concat(Framed(Conversation.Part(new CloseRequest(fid), 7))).ToArray();
        var responses = Framed(Conversation.Part(new CreateResponse { FileId = fid, CreateAction = CreateAction.Created }, 5, response: true))
            .Concat(Framed(Conversation.Part(new WriteResponse { Count = 6000 }, 6, response: true)))
            .Concat(Framed(Conversation.Part(new CloseResponse(), 7, response: true))).ToArray();

        var file = Path.Combine(_dir, "v6.pcap");
        const ushort port = 8445, clientPort = 50123;
        const uint cIsn = 0xFFFFF000, sIsn = 1000; // the client's sequence numbers wrap during the write
        using (var w = new SyntheticPcapWriter(file) { Vlan = 42 })
        {
            w.Segment(Client, clientPort, Server, port, cIsn, 0, Syn, []);
            w.Segment(Server, port, Client, clientPort, sIsn, cIsn + 1, Syn | Ack, []);
            // Client data in 1400-byte segments, sent out of order, one sent twice.
            var chunks = Enumerable.Range(0, (requests.Length + 1399) / 1400)
                .Select(i => (Offset: i * 1400, Length: Math.Min(1400, requests.Length - i * 1400))).ToList();
            var order = Enumerable.Range(0, chunks.Count).ToList();
            (order[1], order[2]) = (order[2], order[1]);
            order.Add(0);
            foreach (var i in order)
                w.Segment(Client, clientPort, Server, port, unchecked(cIsn + 1 + (uint)chunks[i].Offset), sIsn + 1, Psh | Ack, requests.AsSpan(chunks[i].Offset, chunks[i].Length));
            w.Segment(Server, port, Client, clientPort, sIsn + 1, unchecked(cIsn + 1 + (uint)requests.Length), Psh | Ack, responses);
            w.Segment(Client, clientPort, Server, port, unchecked(cIsn + 1 + (uint)requests.Length), sIsn + 1 + (uint)responses.Length, Fin | Ack, []);
            w.Segment(Server, port, Client, clientPort, sIsn + 1 + (uint)responses.Length, unchecked(cIsn + 2 + (uint)requests.Length), Fin | Ack, []);
        }

        var output = Path.Combine(_dir, "w");
        var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = file, OutputDirectory = output });
        Assert.Equal(0, report.TcpGaps);
        Assert.True(report.TcpRetransmits >= 1);
        var ops = WorkloadReader.Open(output).ReadOperations().ToList();
        Assert.Equal(["open", "write", "close"], ops.Select(o => o.Type));
        var write = (WriteOp)ops[1];
        Assert.Equal(6000, write.Length);
        var blob = new byte[6000];
        new SMBench.Core.Blobs.BlobStore(output).Read(write.Blob!, blob);
        Assert.Equal(data, blob);
        var client = WorkloadReader.Open(output).Header.Clients.Single();
        Assert.Equal("fd00::10", client.Extra!["address"].GetString());
    }

    [Fact]
    public async Task A_segment_lost_by_the_capture_becomes_a_gap_and_the_stream_resyncs()
    {
        var fid = new FileId(3, 4);
        var first = Framed(Conversation.Part(new WriteRequest(fid, 0, new byte[3000]), 10));
        var second = Framed(Conversation.Part(new FlushRequest(fid), 11));
        var file = Path.Combine(_dir, "gap.pcap");
        var v4c = IPAddress.Parse("192.0.2.1");
        var v4s = IPAddress.Parse("192.0.2.2");
        using (var w = new SyntheticPcapWriter(file))
        {
            w.Segment(v4c, 40000, v4s, 445, 0, 0, Syn, []);
            w.Segment(v4c, 40000, v4s, 445, 1, 1, Psh | Ack, first.AsSpan(0, 1000));
            // first[1000..2000] never reaches the capture; the server's ACK proves it was sent.
            w.Segment(v4c, 40000, v4s, 445, 2001, 1, Psh | Ack, first.AsSpan(2000));
            w.Segment(v4s, 445, v4c, 40000, 1, (uint)(1 + first.Length), Ack, []);
            w.Segment(v4c, 40000, v4s, 445, (uint)(1 + first.Length), 1, Psh | Ack, second);
        }
        var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = file, OutputDirectory = Path.Combine(_dir, "g") });
        Assert.Equal(1, report.TcpGaps);
        Assert.Equal(1000, report.TcpGapBytes);
        Assert.Equal(1, report.RequestsByCommand["FLUSH"]);
        Assert.False(report.RequestsByCommand.ContainsKey("WRITE"));
    }
}
