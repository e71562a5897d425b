using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using Xunit;
using static SMBench.Smb.Tests.Messages.Wire;

namespace SMBench.Smb.Tests.Messages;

public class LockIoctlNotifyTests
{
    private static readonly FileId Fid = new(0xAA, 0xBB);

    [Fact]
    public void Lock_request_round_trips_with_elements_at_offset_24()
    {
        var req = new LockRequest
        {
            FileId = Fid,
            LockSequenceNumber = 5,
            LockSequenceIndex = 9,
            Locks = [new LockElement(0, 100, LockFlags.ExclusiveLock | LockFlags.FailImmediately), new LockElement(200, 50, LockFlags.Unlock)],
        };
        var msg = Encode(req);
        Assert.Equal(64 + 24 + 48, msg.Length);
        Assert.Equal(48, U16(msg, 64));
        Assert.Equal(2, U16(msg, 66));
        Assert.Equal((9u << 4) | 5u, U32(msg, 68));
        Assert.Equal(0xAAul, U64(msg, 72));
        Assert.Equal(100ul, U64(msg, 64 + 24 + 8));
        Assert.Equal(0x12u, U32(msg, 64 + 24 + 16));
        Assert.Equal(200ul, U64(msg, 64 + 48));

        var parsed = LockRequest.Parse(msg);
        Assert.Equal(req.Locks, parsed.Locks);
        Assert.Equal(5, parsed.LockSequenceNumber);
        Assert.Equal(9u, parsed.LockSequenceIndex);
        Assert.Equal(Fid, parsed.FileId);

        var lying = (byte[])msg.Clone();
        Put16(lying, 66, 65535); // claims 65535 elements in a 136-byte message: must not allocate for them
        Assert.Contains("LockCount", Assert.Throws<SmbProtocolException>(() => LockRequest.Parse(lying)).Message, StringComparison.Ordinal);
        var none = (byte[])msg.Clone();
        Put16(none, 66, 0);
        Assert.Throws<SmbProtocolException>(() => LockRequest.Parse(none));

        var resp = Encode(new LockResponse(), response: true);
        Assert.Equal(68, resp.Length);
        LockResponse.Parse(resp);
    }

    [Fact]
    public void Ioctl_request_carries_validate_negotiate_info_at_0x78()
    {
        var guid = Guid.NewGuid();
        var vni = new ValidateNegotiateInfoRequest(0x7F, guid, 1, [SmbDialect.Smb202, SmbDialect.Smb210, SmbDialect.Smb300, SmbDialect.Smb302]);
        var input = vni.ToArray();
        Assert.Equal(24 + 8, input.Length);
        Assert.Equal(4, U16(input, 22));
        Assert.Equal(0x0302, U16(input, 24 + 6));

        var req = new IoctlRequest
        {
            CtlCode = FsctlCodes.ValidateNegotiateInfo,
            FileId = FileId.Related with { },
            Input = input,
            MaxOutputResponse = 24,
            Flags = IoctlRequest.IsFsctl,
        };
        var msg = Encode(req);
        Assert.Equal(57, U16(msg, 64));
        Assert.Equal(0x0014_0204u, U32(msg, 68));
        Assert.Equal(0x78u, U32(msg, 64 + 24));
        Assert.Equal(32u, U32(msg, 64 + 28));
        Assert.Equal(24u, U32(msg, 64 + 44));
        Assert.Equal(1u, U32(msg, 64 + 48));

        var parsed = IoctlRequest.Parse(msg);
        Assert.Equal(FsctlCodes.ValidateNegotiateInfo, parsed.CtlCode);
        Assert.True(parsed.FileId.IsRelated);
        var back = ValidateNegotiateInfoRequest.Parse(parsed.Input);
        Assert.Equal(vni.Dialects, back.Dialects);
        Assert.Equal(guid, back.Guid);
        Assert.Equal(0x7Fu, back.Capabilities);

        var truncatedDialects = input.AsSpan(0, 28).ToArray();
        Assert.Throws<SmbProtocolException>(() => ValidateNegotiateInfoRequest.Parse(truncatedDialects));
        var hostile = (byte[])msg.Clone();
        Put32(hostile, 64 + 24, 0xFFFF_FFF0);
        Assert.Throws<SmbProtocolException>(() => IoctlRequest.Parse(hostile));
    }

    [Fact]
    public void Ioctl_response_round_trips_validate_negotiate_info()
    {
        var guid = Guid.NewGuid();
        var payload = new byte[ValidateNegotiateInfoResponse.Length];
        var vni = new ValidateNegotiateInfoResponse(0x44, guid, 2, SmbDialect.Smb302);
        vni.WriteTo(payload);
        var msg = Encode(new IoctlResponse { CtlCode = FsctlCodes.ValidateNegotiateInfo, FileId = FileId.Related, Output = payload }, response: true);
        Assert.Equal(49, U16(msg, 64));
        Assert.Equal(0x70u, U32(msg, 64 + 32));   // OutputOffset right after the fixed part when Input is empty
        Assert.Equal(24u, U32(msg, 64 + 36));
        var parsed = IoctlResponse.Parse(msg);
        Assert.Equal(vni, ValidateNegotiateInfoResponse.Parse(parsed.Output));
        Assert.True(parsed.Input.IsEmpty);
        Assert.Throws<SmbProtocolException>(() => ValidateNegotiateInfoResponse.Parse(payload.AsSpan(0, 23)));
    }

    [Fact]
    public void Change_notify_round_trips_with_notify_records()
    {
        var req = new ChangeNotifyRequest { Flags = ChangeNotifyRequest.WatchTree, OutputBufferLength = 4096, FileId = Fid, CompletionFilter = CompletionFilter.FileName | CompletionFilter.DirName };
        var msg = Encode(req);
        Assert.Equal(32, U16(msg, 64));
        Assert.Equal(1, U16(msg, 66));
        Assert.Equal(3u, U32(msg, 64 + 24));
        Assert.Equal(req, ChangeNotifyRequest.Parse(msg));

        FileNotifyInformation[] changes = [new(FileAction.Added, "new.txt"), new(FileAction.RenamedOldName, "a"), new(FileAction.RenamedNewName, "bb")];
        var records = FileNotifyInformation.ToArray(changes);
        Assert.Equal(12 + 14 + 2u, U32(records, 0)); // 26 rounded up to 4
        var resp = ChangeNotifyResponse.Parse(Encode(new ChangeNotifyResponse(records), response: true));
        Assert.Equal(changes, resp.Changes());

        var hostile = (byte[])records.Clone();
        Put32(hostile, 8, 1000);
        Assert.Throws<SmbProtocolException>(() => FileNotifyInformation.ParseChain(hostile));
    }
}
