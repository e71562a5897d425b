using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using Xunit;
using static SMBench.Smb.Tests.Messages.Wire;

namespace SMBench.Smb.Tests.Messages;

public class ErrorAndBreakTests
{
    [Fact]
    public void Error_response_layout_and_data()
    {
        var msg = Encode(new ErrorResponse(Smb2Command.Create), response: true);
        Assert.Equal(64 + 9, msg.Length);
        Assert.Equal(9, U16(msg, 64));
        Assert.Equal(0u, U32(msg, 68));
        var parsed = ErrorResponse.Parse(msg);
        Assert.Equal(Smb2Command.Create, parsed.Command);
        Assert.True(parsed.ErrorData.IsEmpty);
        // The one-byte ErrorData of an empty error is optional on receive (some servers send 8 bytes only).
        Assert.True(ErrorResponse.Parse(msg.AsSpan(0, 72)).ErrorData.IsEmpty);

        var withData = Encode(new ErrorResponse(Smb2Command.Create, [1, 2, 3, 4], 1), response: true);
        var p2 = ErrorResponse.Parse(withData);
        Assert.Equal(1, p2.ErrorContextCount);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, p2.ErrorData.ToArray());
        Put32(withData, 68, 1 << 30);
        Assert.Throws<SmbProtocolException>(() => ErrorResponse.Parse(withData));
    }

    [Fact]
    public void Error_contexts_round_trip_and_reject_lying_lengths()
    {
        ErrorContext[] contexts = [new(ErrorContext.DefaultErrorId, [1, 2, 3]), new(ErrorContext.ShareRedirectErrorId, new byte[16])];
        var data = ErrorContext.ToArray(contexts);
        Assert.Equal(16 + 24, data.Length);            // 8 + 3 padded to 16, then 8 + 16
        var msg = Encode(new ErrorResponse(Smb2Command.TreeConnect, data, 2), response: true);
        var parsed = ErrorResponse.Parse(msg).Contexts();
        Assert.Equal(2, parsed.Count);
        Assert.Equal(new byte[] { 1, 2, 3 }, parsed[0].ErrorContextData);
        Assert.Equal(ErrorContext.ShareRedirectErrorId, parsed[1].ErrorId);

        Put32(data, 0, 1000);
        Assert.Throws<SmbProtocolException>(() => ErrorContext.ParseList(data, 2));
        Assert.Throws<SmbProtocolException>(() => ErrorContext.ParseList(ErrorContext.ToArray(contexts), 3));
    }

    [Fact]
    public void Error_body_is_told_apart_from_command_bodies_with_the_same_size()
    {
        var error = Encode(new ErrorResponse(Smb2Command.QueryInfo), response: true);
        Smb2Header H(Smb2Command c, NtStatus s) => new() { Command = c, Status = s, Flags = Smb2Flags.ServerToRedir };

        Assert.True(ErrorResponse.IsErrorResponse(H(Smb2Command.Create, NtStatus.ObjectNameNotFound), error));
        Assert.True(ErrorResponse.IsErrorResponse(H(Smb2Command.Create, NtStatus.Pending), error));
        Assert.True(ErrorResponse.IsErrorResponse(H(Smb2Command.QueryInfo, NtStatus.AccessDenied), error));
        Assert.False(ErrorResponse.IsErrorResponse(H(Smb2Command.QueryInfo, NtStatus.BufferOverflow), error));
        Assert.False(ErrorResponse.IsErrorResponse(H(Smb2Command.QueryInfo, NtStatus.Success), error));
        Assert.False(ErrorResponse.IsErrorResponse(H(Smb2Command.SessionSetup, NtStatus.MoreProcessingRequired), error));
        Assert.True(ErrorResponse.IsErrorResponse(H(Smb2Command.SessionSetup, NtStatus.LogonFailure), error));

        var ioctl = Encode(new IoctlResponse { CtlCode = FsctlCodes.SrvCopyChunk }, response: true);
        Assert.False(ErrorResponse.IsErrorResponse(H(Smb2Command.Ioctl, NtStatus.InvalidParameter), ioctl));
        Assert.True(ErrorResponse.IsErrorResponse(H(Smb2Command.Ioctl, NtStatus.InvalidParameter), error));
    }

    [Fact]
    public void Oplock_break_notification_ack_and_response_share_the_24_byte_layout()
    {
        var fid = new FileId(3, 4);
        var note = Encode(new OplockBreakNotification(fid, OplockLevel.LevelII), response: true);
        Assert.Equal(64 + 24, note.Length);
        Assert.Equal(24, U16(note, 64));
        Assert.Equal(1, note[66]);
        Assert.Equal(3ul, U64(note, 72));
        Assert.Equal(OplockBreakKind.Oplock, OplockBreakClassifier.Classify(note));
        Assert.Equal(new OplockBreakNotification(fid, OplockLevel.LevelII), OplockBreakNotification.Parse(note));

        var ack = new OplockBreakAcknowledgment(fid, OplockLevel.None);
        Assert.Equal(ack, OplockBreakAcknowledgment.Parse(Encode(ack)));
        var resp = new OplockBreakResponse(fid, OplockLevel.None);
        Assert.Equal(resp, OplockBreakResponse.Parse(Encode(resp, response: true)));
        Assert.Throws<SmbProtocolException>(() => OplockBreakNotification.Parse(note.AsSpan(0, 80)));
    }

    [Fact]
    public void Hand_built_lease_break_notification_decodes()
    {
        var key = Guid.NewGuid();
        var body = new byte[44];
        Put16(body, 0, 44);
        Put16(body, 2, 7);                 // NewEpoch
        Put32(body, 4, 1);                 // ACK_REQUIRED
        key.TryWriteBytes(body.AsSpan(8));
        Put32(body, 24, 7);                // RWH
        Put32(body, 28, 1);                // → R
        var msg = Message(Smb2Command.OplockBreak, body);

        Assert.Equal(OplockBreakKind.LeaseNotification, OplockBreakClassifier.Classify(msg));
        var n = LeaseBreakNotification.Parse(msg);
        Assert.True(n.AckRequired);
        Assert.Equal(key, n.LeaseKey);
        Assert.Equal(7, n.NewEpoch);
        Assert.Equal(LeaseState.ReadCaching | LeaseState.WriteCaching | LeaseState.HandleCaching, n.CurrentLeaseState);
        Assert.Equal(LeaseState.ReadCaching, n.NewLeaseState);
        Assert.Equal(msg.AsSpan(64).ToArray(), Encode(n).AsSpan(64).ToArray());
    }

    [Fact]
    public void Lease_break_ack_and_response_are_36_bytes()
    {
        var key = Guid.NewGuid();
        var ack = new LeaseBreakAcknowledgment(key, LeaseState.ReadCaching);
        var msg = Encode(ack);
        Assert.Equal(64 + 36, msg.Length);
        Assert.Equal(36, U16(msg, 64));
        Assert.Equal(key.ToByteArray(), msg.AsSpan(72, 16).ToArray());
        Assert.Equal(1u, U32(msg, 88));
        Assert.Equal(OplockBreakKind.LeaseAcknowledgment, OplockBreakClassifier.Classify(msg));
        Assert.Equal(ack, LeaseBreakAcknowledgment.Parse(msg));
        var resp = new LeaseBreakResponse(key, LeaseState.None);
        Assert.Equal(resp, LeaseBreakResponse.Parse(Encode(resp, response: true)));

        Put16(msg, 64, 30);
        Assert.Throws<SmbProtocolException>(() => OplockBreakClassifier.Classify(msg));
    }

    [Fact]
    public void Empty_body_messages_round_trip()
    {
        Assert.Equal(68, Encode(new EchoRequest()).Length);
        EchoRequest.Parse(Encode(new EchoRequest()));
        EchoResponse.Parse(Encode(new EchoResponse(), response: true));
        CancelRequest.Parse(Encode(new CancelRequest()));
        LogoffRequest.Parse(Encode(new LogoffRequest()));
        LogoffResponse.Parse(Encode(new LogoffResponse(), response: true));
        TreeDisconnectRequest.Parse(Encode(new TreeDisconnectRequest()));
        var td = Encode(new TreeDisconnectResponse(), response: true);
        Assert.Equal(4, U16(td, 64));
        TreeDisconnectResponse.Parse(td);
        Put16(td, 64, 5);
        Assert.Throws<SmbProtocolException>(() => TreeDisconnectResponse.Parse(td));
        Assert.Throws<SmbProtocolException>(() => EchoRequest.Parse(new byte[66]));
    }
}
