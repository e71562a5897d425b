using System.Buffers.Binary;
using SMBench.Compiler.Smb.Wire;
using SMBench.Core.Ir;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>
/// Decodes the request bodies the IR needs with SMBench.Smb's message codecs and keeps only the fields the IR
/// uses. SESSION_SETUP and TREE_CONNECT requests (which the client library only ever writes) and the *Ex
/// SET_INFO classes are read here with <see cref="PartReader"/>. WRITE payloads go to <paramref name="storePayload"/>
/// at once so nothing large is kept.
/// </summary>
public static class RequestDecoder
{
    public delegate string? PayloadStore(ReadOnlySpan<byte> payload, int declaredLength);

    private const int B = Smb2Header.Size;

    public static CapturedRequest Decode(in Smb2Header header, ReadOnlySpan<byte> part, PayloadStore storePayload)
    {
        switch (header.Command)
        {
            case Smb2Command.SessionSetup:
            {
                var r = Reader(header, part);
                return new SessionSetupRequestInfo(NtlmIdentity.Find(r.SliceAvailable(r.U16(B + 12), r.U16(B + 14))));
            }
            case Smb2Command.TreeConnect:
            {
                var r = Reader(header, part);
                return new TreeConnectRequestInfo(r.Utf16(r.U16(B + 4), r.U16(B + 6)));
            }
            case Smb2Command.Create:
                return DecodeCreate(CreateRequest.Parse(part));
            case Smb2Command.Close:
                return new FileRequestInfo(CloseRequest.Parse(part).FileId);
            case Smb2Command.Flush:
                return new FileRequestInfo(FlushRequest.Parse(part).FileId);
            case Smb2Command.Read:
            {
                var read = ReadRequest.Parse(part);
                return new ReadRequestInfo(read.FileId, ToLong(read.Offset), (int)Math.Min(read.Length, int.MaxValue));
            }
            case Smb2Command.Write:
                return DecodeWrite(header, part, storePayload);
            case Smb2Command.Lock:
            {
                var lk = LockRequest.Parse(part);
                return new LockRequestInfo(lk.FileId, lk.Locks.Select(l => new LockElementInfo(ToLong(l.Offset), ToLong(l.Length), (uint)l.Flags)).ToList());
            }
            case Smb2Command.Ioctl:
            {
                var io = IoctlRequest.Parse(part);
                return new IoctlRequestInfo(io.FileId, io.CtlCode, io.Input.Length, (int)Math.Min(io.MaxOutputResponse, int.MaxValue), (io.Flags & 1) != 0);
            }
            case Smb2Command.QueryDirectory:
            {
                var qd = QueryDirectoryRequest.Parse(part);
                return new QueryDirectoryRequestInfo(qd.FileId, (byte)qd.FileInformationClass, (byte)qd.Flags, qd.FileName);
            }
            case Smb2Command.QueryInfo:
            {
                var qi = QueryInfoRequest.Parse(part);
                return new QueryInfoRequestInfo(qi.FileId, (byte)qi.InfoType, qi.FileInfoClass);
            }
            case Smb2Command.SetInfo:
                return DecodeSetInfo(SetInfoRequest.Parse(part));
            case Smb2Command.OplockBreak:
                return OplockBreakClassifier.Classify(part) == OplockBreakKind.LeaseAcknowledgment
                    ? LeaseAck(LeaseBreakAcknowledgment.Parse(part))
                    : OplockAck(OplockBreakAcknowledgment.Parse(part));
            default:
                return new OtherRequestInfo();
        }
    }

    private static PartReader Reader(in Smb2Header header, ReadOnlySpan<byte> part)
        => new(part, $"{Smb2CommandNames.ToWireName(header.Command)} request (MessageId {header.MessageId})");

    private static LeaseBreakAckInfo LeaseAck(LeaseBreakAcknowledgment ack) => new(ack.LeaseKey, (uint)ack.LeaseState);

    private static OplockBreakAckInfo OplockAck(OplockBreakAcknowledgment ack) => new(ack.FileId, (byte)ack.OplockLevel);

    private static WriteRequestInfo DecodeWrite(in Smb2Header header, ReadOnlySpan<byte> part, PayloadStore storePayload)
    {
        // A capture's snap length may cut the payload: read the fixed part ourselves when the codec (which insists
        // on the whole Data) cannot, and let the store decide what a partial payload becomes.
        var r = Reader(header, part);
        var dataOffset = r.U16(B + 2);
        var length = (int)Math.Min(r.U32(B + 4), int.MaxValue);
        var available = r.SliceAvailable(dataOffset, length);
        if (available.Length == length)
        {
            var write = WriteRequest.Parse(part);
            return new WriteRequestInfo(write.FileId, ToLong(write.Offset), write.Length, storePayload(write.Data, write.Length), write.Length);
        }
        return new WriteRequestInfo(r.FileIdAt(B + 16), ToLong(r.U64(B + 8)), length, storePayload(available, length), available.Length);
    }

    /// <summary>Offsets and lengths beyond long.MaxValue (a lock "to the end", all 0xFF) are held at the maximum.</summary>
    private static long ToLong(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    private static CreateRequestInfo DecodeCreate(CreateRequest create)
    {
        LeaseRequest? lease = null;
        if (create.Find<LeaseContext>() is { } l)
        {
            var parent = l.Version >= 2 && (l.Flags & LeaseFlags.ParentLeaseKeySet) != 0 ? LeaseKeys.Hex(l.ParentLeaseKey) : null;
            lease = new LeaseRequest(LeaseKeys.Hex(l.LeaseKey), LeaseKeys.StateLetters((uint)l.LeaseState), l.Version, parent, l.Epoch);
        }
        DurableRequest? durable = null;
        if (create.Find<DurableHandleRequestV2>() is { } v2)
            durable = new DurableRequest(2, v2.Timeout, (v2.Flags & DurableHandleFlags.Persistent) != 0, v2.CreateGuid.ToString());
        else if (create.Find<DurableHandleRequest>() != null)
            durable = new DurableRequest(1);
        var reconnect = create.Find<DurableHandleReconnect>() != null || create.Find<DurableHandleReconnectV2>() != null;
        return new CreateRequestInfo(create.Name, (uint)create.DesiredAccess, (uint)create.FileAttributes, (uint)create.ShareAccess,
            (uint)create.CreateDisposition, (uint)create.CreateOptions, (byte)create.RequestedOplockLevel, lease, durable, reconnect);
    }

    private static SetInfoRequestInfo DecodeSetInfo(SetInfoRequest request)
    {
        SetInfoDetail detail = new OtherSetInfo();
        if (request.InfoType == InfoType.File)
        {
            var buffer = request.Buffer.Span;
            detail = (FileInformationClass)request.FileInfoClass switch
            {
                // The Ex classes (MS-FSCC 2.4.11.2, 2.4.42.2) keep the layout with Flags where the booleans were.
                FileInformationClass.FileDispositionInformationEx when buffer.Length >= 4 =>
                    new DispositionSetInfo((BinaryPrimitives.ReadUInt32LittleEndian(buffer) & 1) != 0),
                FileInformationClass.FileRenameInformationEx => DecodeRenameEx(buffer),
                _ => request.GetFileInformation() switch
                {
                    FileRenameInformation rename => new RenameSetInfo(rename.FileName, rename.ReplaceIfExists),
                    FileDispositionInformation disposition => new DispositionSetInfo(disposition.DeletePending),
                    FileEndOfFileInformation eof => new EndOfFileSetInfo(eof.EndOfFile),
                    _ => new OtherSetInfo(),
                },
            };
        }
        return new SetInfoRequestInfo(request.FileId, (byte)request.InfoType, request.FileInfoClass, detail);
    }

    private static RenameSetInfo DecodeRenameEx(ReadOnlySpan<byte> buffer)
    {
        var r = new PartReader(buffer, "SET_INFO FileRenameInformationEx");
        return new RenameSetInfo(r.Utf16(20, (int)r.U32(16)), (r.U32(0) & 1) != 0);
    }
}
