using SMBench.Compiler.Mapping;
using SMBench.Core.Ir;
using SMBench.Core.Results;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>
/// Turns one completed request/response exchange into IR operations (design.md §2), with what the server
/// answered as <c>expected</c> and the CREATE parameters as SMB extensions. The choices that are not one-to-one:
/// a CREATE that made a directory becomes <c>mkdir</c> (its handle's later close is folded in); delete-on-close
/// (CREATE option or SET_INFO disposition) becomes a <c>delete</c>/<c>rmdir</c> right after the handle's close;
/// a listing is one <c>list</c> per enumeration, its continuation calls merged.
/// </summary>
public static partial class SmbExchangeMapper
{
    private const uint DeleteOnClose = 0x1000;
    private const uint DirectoryFile = 0x1;
    private const int MaxOpenHandles = 1_000_000;

    public static bool ProducesOperations(Smb2Command command) => command is Smb2Command.Create or Smb2Command.Close
        or Smb2Command.Flush or Smb2Command.Read or Smb2Command.Write or Smb2Command.Lock or Smb2Command.Ioctl
        or Smb2Command.QueryDirectory or Smb2Command.QueryInfo or Smb2Command.SetInfo;

    public static IEnumerable<IrOperation> Map(CompileSession s, ConnectionState c, PendingRequest p, in Smb2Header h, CapturedResponse response)
    {
        var ctx = new Context(s, c, p, StatusText.FromCode(h.RawStatus), h.Status.IsError);
        return p.Info switch
        {
            CreateRequestInfo create => MapCreate(ctx, create, response as CreateResponseInfo, h.MessageId),
            FileRequestInfo file when p.Command == Smb2Command.Close => MapClose(ctx, file),
            FileRequestInfo file => OnHandle(ctx, file.FileId, "FLUSH", (hr, o) => [new FlushOp { Handle = hr, OpId = "", ClientId = o.ClientId, TimestampUs = o.Ts, Expected = o.Expected }]),
            ReadRequestInfo read => MapRead(ctx, read, response as ReadResponseInfo),
            WriteRequestInfo write => OnHandle(ctx, write.FileId, "WRITE", (hr, o) => [new WriteOp
            {
                Handle = hr, Offset = write.Offset, Length = write.Length, Blob = write.Blob,
                OpId = "", ClientId = o.ClientId, TimestampUs = o.Ts,
                Expected = o.Expected with { Bytes = (response as WriteResponseInfo)?.Count },
            }]),
            LockRequestInfo lk => OnHandle(ctx, lk.FileId, "LOCK", (hr, o) => MapLocks(lk, hr, o)),
            IoctlRequestInfo io => MapIoctl(ctx, io),
            QueryDirectoryRequestInfo qd => MapQueryDirectory(ctx, qd),
            QueryInfoRequestInfo qi => MapQueryInfo(ctx, qi),
            SetInfoRequestInfo si => MapSetInfo(ctx, si),
            _ => [],
        };
    }

    /// <summary>The captured client acknowledged a break: remember it for the open's <c>on_break</c>.</summary>
    public static void OnBreakAcknowledged(CompileSession s, ConnectionState c, CapturedRequest ack)
    {
        OpenHandle? handle = null;
        BreakResponse? reply = null;
        switch (ack)
        {
            case OplockBreakAckInfo o when c.Handles.TryGetValue(o.FileId, out handle):
                reply = new BreakResponse("ack", OplockName(o.OplockLevel));
                break;
            case LeaseBreakAckInfo l when c.Leases.TryGetValue(LeaseKeys.Hex(l.LeaseKey), out handle):
                reply = new BreakResponse("ack", LeaseKeys.StateLetters(l.LeaseState));
                break;
        }
        s.BreakAcks++;
        if (handle?.HandleRef == null || reply == null) return;
        handle.BreakOutstanding = false;
        AddBreakResponse(s, handle.HandleRef, reply);
    }

    private static void AddBreakResponse(CompileSession s, string handleRef, BreakResponse reply)
    {
        if (!s.BreakResponses.TryGetValue(handleRef, out var list))
        {
            list = [];
            s.BreakResponses[handleRef] = list;
        }
        if (list.Count < 16) list.Add(reply);
    }

    private static IEnumerable<IrOperation> MapCreate(Context x, CreateRequestInfo req, CreateResponseInfo? resp, ulong messageId)
    {
        var path = NormalizeName(req.Name);
        if (path == null)
        {
            x.Session.Skips.Add("CREATE: name is not a share-relative path");
            return [];
        }
        var irPath = x.Session.IrPath(path);
        var wantsDirectory = (req.CreateOptions & DirectoryFile) != 0;
        var ext = new SmbOpExtensions
        {
            AccessMask = req.DesiredAccess, ShareAccess = req.ShareAccess, Disposition = req.CreateDisposition,
            CreateOptions = req.CreateOptions & ~DeleteOnClose, FileAttributes = req.FileAttributes,
            RequestedOplock = req.RequestedOplockLevel, Lease = req.Lease, Durable = req.Durable,
        };
        if (x.IsError || resp == null)
        {
            if (x.Status is "STATUS_OBJECT_NAME_NOT_FOUND" or "STATUS_OBJECT_PATH_NOT_FOUND" or "STATUS_NO_SUCH_FILE")
                x.Session.Prestate.Missing(path);
            return [new OpenOp
            {
                Path = irPath, Mode = ModeOf(req.DesiredAccess), Handle = x.Session.NextHandleRef(), Directory = wantsDirectory,
                OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Smb = ext, Expected = x.Expected,
            }];
        }

        var isDirectory = resp.IsDirectory || wantsDirectory;
        var created = resp.CreateAction == (uint)CreateAction.Created;
        var expected = x.Expected with
        {
            OplockLevel = OplockName(resp.OplockLevel),
            LeaseState = resp.LeaseState is { } ls ? LeaseKeys.StateLetters(ls) : null,
            CreateAction = CreateActionName(resp.CreateAction),
        };
        OpenHandle handle;
        IrOperation op;
        if (isDirectory && created)
        {
            handle = new OpenHandle(null, path, true, x.ClientId);
            x.Session.Prestate.Created(path, true);
            op = new MkdirOp { Path = irPath, OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Smb = ext, Expected = expected };
        }
        else
        {
            handle = new OpenHandle(x.Session.NextHandleRef(), path, isDirectory, x.ClientId);
            x.Session.Prestate.Opened(path, created, isDirectory, resp.EndOfFile);
            op = new OpenOp
            {
                Path = irPath, Mode = ModeOf(req.DesiredAccess), Handle = handle.HandleRef!, Directory = isDirectory,
                OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Smb = ext, Expected = expected,
            };
        }
        if ((req.CreateOptions & DeleteOnClose) != 0)
        {
            handle.DeletePending = true;
            handle.DeleteStatus = StatusText.Success;
        }
        if (req.Lease != null)
        {
            handle.LeaseKey = req.Lease.Key;
            x.Connection.Leases[req.Lease.Key] = handle;
        }
        if (x.Connection.Handles.Count >= MaxOpenHandles)
        {
            // Opens a capture never closes (clients that died, captures cut short) must not grow the table forever.
            x.Connection.Handles.Clear();
            x.Connection.Leases.Clear();
            x.Session.Skips.Add($"handle table reset (over {MaxOpenHandles} handles open at once)");
        }
        x.Connection.Handles[resp.FileId] = handle;
        x.Connection.RememberFileId(messageId, resp.FileId);
        return [op];
    }

    private static IEnumerable<IrOperation> MapClose(Context x, FileRequestInfo req)
    {
        var handle = x.Handle(req.FileId, "CLOSE");
        if (handle == null) return [];
        if (!x.IsError) x.Connection.Handles.Remove(x.Connection.Resolve(x.Request, req.FileId)!.Value);
        var ops = new List<IrOperation>(2);
        if (handle.HandleRef == null)
        {
            x.Session.Skips.Add("CLOSE: of a directory created by mkdir (folded into the mkdir)");
        }
        else
        {
            if (handle.BreakOutstanding) AddBreakResponse(x.Session, handle.HandleRef, new BreakResponse("close"));
            ops.Add(new CloseOp { Handle = handle.HandleRef, OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Expected = x.Expected });
        }
        if (handle.DeletePending && !x.IsError) ops.Add(DeleteOf(x, handle, handle.DeleteStatus ?? StatusText.Success));
        return ops;
    }

    private static IrOperation DeleteOf(Context x, OpenHandle handle, string status)
    {
        var path = x.Session.IrPath(handle.Path);
        var expected = new ExpectedResult { Status = status };
        return handle.IsDirectory
            ? new RmdirOp { Path = path, OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Expected = expected }
            : new DeleteOp { Path = path, OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Expected = expected };
    }

    private static IEnumerable<IrOperation> MapRead(Context x, ReadRequestInfo req, ReadResponseInfo? resp)
    {
        return OnHandle(x, req.FileId, "READ", (hr, o) =>
        {
            if (resp != null) x.Session.Prestate.ReadTo(x.Handle(req.FileId, null)!.Path, req.Offset + resp.DataLength);
            return [new ReadOp
            {
                Handle = hr, Offset = req.Offset, Length = req.Length,
                OpId = "", ClientId = o.ClientId, TimestampUs = o.Ts, Expected = o.Expected with { Bytes = resp?.DataLength },
            }];
        });
    }

    private static IEnumerable<IrOperation> MapLocks(LockRequestInfo req, string handleRef, Context o)
    {
        foreach (var l in req.Locks)
        {
            if ((l.Flags & LockElementInfo.Unlock) != 0)
                yield return new UnlockOp { Handle = handleRef, Offset = l.Offset, Length = l.Length, OpId = "", ClientId = o.ClientId, TimestampUs = o.Ts, Expected = o.Expected };
            else
                yield return new LockOp
                {
                    Handle = handleRef, Offset = l.Offset, Length = l.Length,
                    Exclusive = (l.Flags & LockElementInfo.Exclusive) != 0, FailImmediately = (l.Flags & LockElementInfo.FailImmediately) != 0,
                    OpId = "", ClientId = o.ClientId, TimestampUs = o.Ts, Expected = o.Expected,
                };
        }
    }

    /// <summary>Runs <paramref name="map"/> with the handle_ref of the request's FileId, or counts why it can't.</summary>
    private static IEnumerable<IrOperation> OnHandle(Context x, FileId fileId, string command, Func<string, Context, IEnumerable<IrOperation>> map)
    {
        var handle = x.Handle(fileId, command);
        if (handle == null) return [];
        if (handle.HandleRef == null)
        {
            x.Session.Skips.Add($"{command}: on a directory created by mkdir (no IR handle)");
            return [];
        }
        return map(handle.HandleRef, x).ToList();
    }
}
