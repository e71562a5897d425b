using SMBench.Core.Ir;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using Xunit;

namespace SMBench.Compiler.Tests.Smb;

public sealed class SmbConnectionDecoderTests : IDisposable
{
    private static readonly FileId Fid = new(0x11, 0x22);
    private readonly Conversation _c = new();

    public void Dispose() => _c.Dispose();

    private static CreateRequest Create(string name, CreateDisposition disposition = CreateDisposition.Open, CreateOptions options = 0, OplockLevel oplock = OplockLevel.None) => new()
    {
        Name = name,
        DesiredAccess = FileAccessMask.GenericRead,
        ShareAccess = ShareAccess.Read | ShareAccess.Write,
        CreateDisposition = disposition,
        CreateOptions = options,
        RequestedOplockLevel = oplock,
    };

    private static CreateResponse Created(FileId fid, CreateAction action = CreateAction.Opened, SmbFileAttributes attributes = SmbFileAttributes.Normal, OplockLevel oplock = OplockLevel.None, ulong size = 0)
        => new() { FileId = fid, CreateAction = action, FileAttributes = attributes, OplockLevel = oplock, EndOfFile = size };

    [Fact]
    public void Related_compound_create_query_close_maps_to_one_handle()
    {
        _c.Compound(false,
            Conversation.Part(Create(@"docs\a.txt"), 10),
            Conversation.Part(QueryInfoRequest.ForFile(FileId.Related, FileInformationClass.FileAllInformation, 4096), 11),
            Conversation.Part(new CloseRequest(FileId.Related), 12));
        _c.Compound(true,
            Conversation.Part(Created(Fid, size: 123), 10, response: true),
            Conversation.Part(new QueryInfoResponse(new byte[8]), 11, response: true),
            Conversation.Part(new CloseResponse(), 12, response: true));
        var ops = _c.Finish();
        Assert.Equal(["open", "stat", "close"], ops.Select(o => o.Type));
        var open = (OpenOp)ops[0];
        Assert.Equal("docs/a.txt", open.Path);
        Assert.Equal(open.Handle, ops[1].HandleRef);
        Assert.Equal(open.Handle, ops[2].HandleRef);
        Assert.Equal("opened", open.Expected!.CreateAction);
        Assert.Equal(1u, open.Smb!.Disposition);
    }

    [Fact]
    public void Interim_pending_response_waits_for_the_final_one()
    {
        _c.Request(20, Create("f.bin"));
        _c.Response(20, Created(Fid));
        _c.Request(21, new ReadRequest { FileId = Fid, Offset = 4096, Length = 65536 });
        _c.SendRaw(true, Conversation.Part(new ErrorResponse(Smb2Command.Read), 21, response: true, NtStatus.Pending, Smb2Flags.AsyncCommand, asyncId: 99));
        _c.SendRaw(true, Conversation.Part(new ReadResponse(new byte[1000]), 21, response: true, extraFlags: Smb2Flags.AsyncCommand, asyncId: 99));
        var ops = _c.Finish();
        var read = Assert.IsType<ReadOp>(ops[1]);
        Assert.Equal((4096L, 65536, 1000L, "STATUS_SUCCESS"), (read.Offset, read.Length, read.Expected!.Bytes, read.Expected.Status));
        Assert.Equal(2, ops.Count);
    }

    [Fact]
    public void Responses_out_of_order_still_give_ops_in_request_order()
    {
        _c.Request(30, Create("g.bin"));
        _c.Response(30, Created(Fid));
        _c.Request(31, new ReadRequest { FileId = Fid, Offset = 0, Length = 10 });
        _c.Request(32, new ReadRequest { FileId = Fid, Offset = 10, Length = 10 });
        _c.Response(32, new ReadResponse(new byte[10]));
        _c.Response(31, new ReadResponse(new byte[10]));
        var reads = _c.Finish().OfType<ReadOp>().ToList();
        Assert.Equal([0L, 10L], reads.Select(r => r.Offset));
        Assert.True(reads[0].TimestampUs < reads[1].TimestampUs);
    }

    [Fact]
    public void Oplock_break_ack_is_recorded_on_the_open()
    {
        _c.Request(40, Create("shared.doc", oplock: OplockLevel.Batch));
        _c.Response(40, Created(Fid, oplock: OplockLevel.Batch));
        _c.SendRaw(true, Conversation.Part(new OplockBreakNotification(Fid, OplockLevel.LevelII), ulong.MaxValue, response: true));
        _c.Request(41, new OplockBreakAcknowledgment(Fid, OplockLevel.LevelII));
        _c.Response(41, new OplockBreakResponse(Fid, OplockLevel.LevelII));
        var open = _c.Finish().OfType<OpenOp>().Single();
        Assert.Equal("batch", open.Expected!.OplockLevel);
        var reply = Assert.Single(open.Smb!.OnBreak!);
        Assert.Equal(("ack", "level_ii"), (reply.Action, reply.Level));
        Assert.Equal(1, _c.Session.Breaks);
    }

    [Fact]
    public void Directory_create_becomes_mkdir_and_its_close_is_folded()
    {
        _c.Request(50, Create("newdir", CreateDisposition.Create, CreateOptions.DirectoryFile));
        _c.Response(50, Created(Fid, CreateAction.Created, SmbFileAttributes.Directory));
        _c.Request(51, new CloseRequest(Fid));
        _c.Response(51, new CloseResponse());
        var ops = _c.Finish();
        var mkdir = Assert.IsType<MkdirOp>(Assert.Single(ops));
        Assert.Equal("newdir", mkdir.Path);
        Assert.Equal(1, _c.Session.Skips.Snapshot()["CLOSE: of a directory created by mkdir (folded into the mkdir)"]);
    }

    [Fact]
    public void Delete_on_close_becomes_a_delete_after_the_close()
    {
        _c.Request(60, Create("tmp.dat", options: CreateOptions.DeleteOnClose));
        _c.Response(60, Created(Fid));
        _c.Request(61, new CloseRequest(Fid));
        _c.Response(61, new CloseResponse());
        var ops = _c.Finish();
        Assert.Equal(["open", "close", "delete"], ops.Select(o => o.Type));
        Assert.Equal(0u, ((OpenOp)ops[0]).Smb!.CreateOptions! & 0x1000u);
    }

    [Fact]
    public void Failed_open_keeps_its_status_and_marks_the_path_absent()
    {
        _c.Request(70, Create("missing.txt"));
        _c.Response(70, new ErrorResponse(Smb2Command.Create), NtStatus.ObjectNameNotFound);
        var open = Assert.IsType<OpenOp>(Assert.Single(_c.Finish()));
        Assert.Equal("STATUS_OBJECT_NAME_NOT_FOUND", open.Expected!.Status);
        Assert.Equal(0, _c.Session.Prestate.FileCount);
    }

    [Fact]
    public void Ops_on_unknown_handles_and_unanswered_requests_are_counted()
    {
        _c.Request(80, new ReadRequest { FileId = new FileId(9, 9), Offset = 0, Length = 1 });
        _c.Response(80, new ReadResponse(new byte[1]));
        _c.Request(81, new FlushRequest(new FileId(9, 9)));
        Assert.Empty(_c.Finish());
        var skips = _c.Session.Skips.Snapshot();
        Assert.Equal(1, skips["READ: on a handle opened before the capture started (or already closed)"]);
        Assert.Equal(1, skips["FLUSH: no response before the connection ended"]);
    }

    [Fact]
    public void Opened_file_goes_to_prestate_with_the_size_reads_need()
    {
        _c.Request(90, Create("data.bin"));
        _c.Response(90, Created(Fid, size: 100));
        _c.Request(91, new ReadRequest { FileId = Fid, Offset = 4000, Length = 1000 });
        _c.Response(91, new ReadResponse(new byte[1000]));
        _c.Finish();
        var file = Path.Combine(_c.Dir, "prestate.json");
        _c.Session.Prestate.Write(file, null);
        var json = File.ReadAllText(file);
        Assert.Contains("\"path\": \"data.bin\"", json, StringComparison.Ordinal);
        Assert.Contains("\"size\": 5000", json, StringComparison.Ordinal);
    }
}
