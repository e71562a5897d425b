using SMBench.Compiler.Smb.Wire;
using SMBench.Core.Ir;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>
/// Decodes the request bodies the IR needs (MS-SMB2 §2.2), offsets from the part's header as the spec gives them.
/// WRITE payloads are handed to <paramref name="storePayload"/> at once so nothing large is kept.
/// </summary>
public static class RequestDecoder
{
    public delegate string? PayloadStore(ReadOnlySpan<byte> payload, int declaredLength);

    public static CapturedRequest Decode(in Smb2Header header, ReadOnlySpan<byte> part, PayloadStore storePayload)
    {
        var r = new PartReader(part, $"{Smb2CommandNames.ToWireName(header.Command)} request (MessageId {header.MessageId})");
        const int B = Smb2Header.Size;
        switch (header.Command)
        {
            case Smb2Command.SessionSetup:
            {
                var offset = r.U16(B + 12);
                var length = r.U16(B + 14);
                return new SessionSetupRequestInfo(NtlmIdentity.Find(r.SliceAvailable(offset, length)));
            }
            case Smb2Command.TreeConnect:
                return new TreeConnectRequestInfo(r.Utf16(r.U16(B + 4), r.U16(B + 6)));
            case Smb2Command.Create:
                return DecodeCreate(r);
            case Smb2Command.Close:
            case Smb2Command.Flush:
                return new FileRequestInfo(r.FileIdAt(B + 8));
            case Smb2Command.Read:
                return new ReadRequestInfo(r.FileIdAt(B + 16), ToLong(r.U64(B + 8)), checked((int)Math.Min(r.U32(B + 4), int.MaxValue)));
            case Smb2Command.Write:
            {
                var dataOffset = r.U16(B + 2);
                var length = (int)Math.Min(r.U32(B + 4), int.MaxValue);
                var payload = r.SliceAvailable(dataOffset, length);
                var blob = storePayload(payload, length);
                return new WriteRequestInfo(r.FileIdAt(B + 16), ToLong(r.U64(B + 8)), length, blob, payload.Length);
            }
            case Smb2Command.Lock:
            {
                var count = r.U16(B + 2);
                var locks = new List<LockElement>(Math.Min((int)count, 64));
                for (var i = 0; i < count; i++)
                {
                    var at = B + 24 + i * 24;
                    locks.Add(new LockElement(ToLong(r.U64(at)), ToLong(r.U64(at + 8)), r.U32(at + 16)));
                }
                return new LockRequestInfo(r.FileIdAt(B + 8), locks);
            }
            case Smb2Command.Ioctl:
                return new IoctlRequestInfo(r.FileIdAt(B + 8), r.U32(B + 4), (int)Math.Min(r.U32(B + 28), int.MaxValue),
                    (int)Math.Min(r.U32(B + 44), int.MaxValue), (r.U32(B + 48) & 1) != 0);
            case Smb2Command.QueryDirectory:
                return new QueryDirectoryRequestInfo(r.FileIdAt(B + 8), r.U8(B + 2), r.U8(B + 3), r.Utf16(r.U16(B + 24), r.U16(B + 26)));
            case Smb2Command.QueryInfo:
                return new QueryInfoRequestInfo(r.FileIdAt(B + 24), r.U8(B + 2), r.U8(B + 3));
            case Smb2Command.SetInfo:
                return DecodeSetInfo(r);
            case Smb2Command.OplockBreak:
                // §2.2.24: 24 bytes acknowledge an oplock break, 36 a lease break.
                return r.U16(B) == 36
                    ? new LeaseBreakAckInfo(new Guid(r.Slice(B + 8, 16)), r.U32(B + 24))
                    : new OplockBreakAckInfo(r.FileIdAt(B + 8), r.U8(B + 2));
            default:
                return new OtherRequestInfo();
        }
    }

    /// <summary>Offsets and lengths beyond long.MaxValue (e.g. a lock "to the end", all 0xFF) are held at the maximum.</summary>
    private static long ToLong(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    private static CreateRequestInfo DecodeCreate(PartReader r)
    {
        const int B = Smb2Header.Size;
        var name = r.Utf16(r.U16(B + 44), r.U16(B + 46));
        var contextsOffset = (int)r.U32(B + 48);
        var contextsLength = (int)r.U32(B + 52);
        LeaseRequest? lease = null;
        DurableRequest? durable = null;
        var reconnect = false;
        if (contextsLength > 0)
        {
            CreateContextReader.Walk(r.Slice(contextsOffset, contextsLength), c =>
            {
                switch (c.Name)
                {
                    case "RqLs" when c.Data.Length >= 32:
                        lease = LeaseContext.ParseRequest(c.Data);
                        break;
                    case "DHnQ":
                        durable ??= new DurableRequest(1);
                        break;
                    case "DH2Q" when c.Data.Length >= 32:
                        var flags = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(c.Data[4..]);
                        durable = new DurableRequest(2,
                            System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(c.Data),
                            (flags & 0x2) != 0,
                            new Guid(c.Data.Slice(16, 16)).ToString());
                        break;
                    case "DHnC" or "DH2C":
                        reconnect = true;
                        break;
                }
            });
        }
        return new CreateRequestInfo(name, r.U32(B + 24), r.U32(B + 28), r.U32(B + 32), r.U32(B + 36), r.U32(B + 40),
            r.U8(B + 3), lease, durable, reconnect);
    }

    private static SetInfoRequestInfo DecodeSetInfo(PartReader r)
    {
        const int B = Smb2Header.Size;
        var infoType = r.U8(B + 2);
        var infoClass = r.U8(B + 3);
        var length = (int)r.U32(B + 4);
        var offset = r.U16(B + 8);
        var fileId = r.FileIdAt(B + 16);
        SetInfoDetail detail = new OtherSetInfo();
        if (infoType == (byte)InfoType.File)
        {
            var buffer = new PartReader(r.Slice(offset, length), "SET_INFO buffer");
            detail = (FileInformationClass)infoClass switch
            {
                FileInformationClass.FileRenameInformation or FileInformationClass.FileRenameInformationEx =>
                    new RenameSetInfo(buffer.Utf16(20, (int)buffer.U32(16)), (buffer.U8(0) & 1) != 0),
                FileInformationClass.FileDispositionInformation => new DispositionSetInfo(buffer.U8(0) != 0),
                FileInformationClass.FileDispositionInformationEx => new DispositionSetInfo((buffer.U32(0) & 1) != 0),
                FileInformationClass.FileEndOfFileInformation => new EndOfFileSetInfo((long)buffer.U64(0)),
                _ => new OtherSetInfo(),
            };
        }
        return new SetInfoRequestInfo(fileId, infoType, infoClass, detail);
    }
}
