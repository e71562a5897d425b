using SMBench.Compiler.Mapping;
using SMBench.Core.Ir;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

// IOCTL, QUERY_DIRECTORY, QUERY_INFO and SET_INFO, plus the helpers every mapping shares.
public static partial class SmbExchangeMapper
{
    private static IEnumerable<IrOperation> MapIoctl(Context x, IoctlRequestInfo req)
    {
        if (req.FileId.IsRelated && x.Request.RelatedTo == null || req.FileId == FileId.Zero)
        {
            x.Session.Skips.Add($"IOCTL: connection-level control code 0x{req.CtlCode:X8} (no file)");
            return [];
        }
        return OnHandle(x, req.FileId, "IOCTL", (hr, o) => [new IoctlOp
        {
            Handle = hr, CtlCode = req.CtlCode, InputLength = req.InputCount, MaxOutputLength = req.MaxOutputResponse,
            OpId = "", ClientId = o.ClientId, TimestampUs = o.Ts, Expected = o.Expected,
        }]);
    }

    private static IEnumerable<IrOperation> MapQueryDirectory(Context x, QueryDirectoryRequestInfo req)
    {
        var handle = x.Handle(req.FileId, "QUERY_DIRECTORY");
        if (handle == null) return [];
        var restart = (req.Flags & (QueryDirectoryRequestInfo.RestartScans | QueryDirectoryRequestInfo.Reopen)) != 0;
        if (handle.Listing && !restart)
        {
            x.Session.Skips.Add("QUERY_DIRECTORY: continuation of a listing (merged into its list op)");
            return [];
        }
        handle.Listing = true;
        return [new ListOp
        {
            Path = x.Session.IrPath(handle.Path), Pattern = req.Pattern.Length == 0 ? "*" : x.Session.IrPattern(req.Pattern),
            OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Expected = x.Expected,
        }];
    }

    private static IEnumerable<IrOperation> MapQueryInfo(Context x, QueryInfoRequestInfo req)
    {
        if (req.InfoType is not ((byte)InfoType.File or (byte)InfoType.FileSystem))
        {
            x.Session.Skips.Add($"QUERY_INFO: {InfoTypeName(req.InfoType)} information (not in the IR)");
            return [];
        }
        var handle = x.Handle(req.FileId, "QUERY_INFO");
        if (handle == null) return [];
        // BUFFER_OVERFLOW means "more data than fitted": the query itself worked.
        return [new StatOp
        {
            Handle = handle.HandleRef, Path = handle.HandleRef == null ? x.Session.IrPath(handle.Path) : null,
            OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Expected = x.Expected,
        }];
    }

    private static IEnumerable<IrOperation> MapSetInfo(Context x, SetInfoRequestInfo req)
    {
        if (req.InfoType != (byte)InfoType.File)
        {
            x.Session.Skips.Add($"SET_INFO: {InfoTypeName(req.InfoType)} information (not in the IR)");
            return [];
        }
        var handle = x.Handle(req.FileId, "SET_INFO");
        if (handle == null) return [];
        switch (req.Detail)
        {
            case RenameSetInfo rename:
            {
                var target = NormalizeName(rename.Target);
                if (target == null)
                {
                    x.Session.Skips.Add("SET_INFO: rename target is not a share-relative path");
                    return [];
                }
                var op = new RenameOp
                {
                    SourcePath = x.Session.IrPath(handle.Path), DestPath = x.Session.IrPath(target), ReplaceIfExists = rename.ReplaceIfExists,
                    OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Expected = x.Expected,
                };
                if (!x.IsError)
                {
                    handle.Path = target;
                    x.Session.Prestate.Created(target, handle.IsDirectory);
                }
                return [op];
            }
            case DispositionSetInfo disposition:
                if (x.IsError) return [DeleteOf(x, handle, x.Status)];
                handle.DeletePending = disposition.DeletePending;
                handle.DeleteStatus = x.Status;
                x.Session.Skips.Add("SET_INFO: delete disposition (becomes a delete after the close)");
                return [];
            case EndOfFileSetInfo eof when handle.HandleRef != null:
                return [new TruncateOp { Handle = handle.HandleRef, Length = eof.EndOfFile, OpId = "", ClientId = x.ClientId, TimestampUs = x.Ts, Expected = x.Expected }];
            default:
                x.Session.Skips.Add($"SET_INFO: {Enum.GetName((FileInformationClass)req.InfoClass) ?? "class " + req.InfoClass} (no IR type)");
                return [];
        }
    }

    /// <summary>A CREATE or rename name as a share-relative IR path (backslashes to '/', no leading separator).</summary>
    public static string? NormalizeName(string name)
    {
        var trimmed = name.TrimStart('\\', '/');
        return SharePath.TryNormalize(trimmed, out _);
    }

    public static OpenMode ModeOf(uint desiredAccess)
    {
        const uint read = 0x1 | 0x8000_0000 | 0x1000_0000 | 0x0200_0000;
        const uint write = 0x2 | 0x4 | 0x4000_0000 | 0x1000_0000 | 0x0200_0000;
        var r = (desiredAccess & read) != 0;
        var w = (desiredAccess & write) != 0;
        return r && w ? OpenMode.ReadWrite : w ? OpenMode.Write : OpenMode.Read;
    }

    public static string OplockName(byte level) => level switch
    {
        0x00 => "none",
        0x01 => "level_ii",
        0x08 => "exclusive",
        0x09 => "batch",
        0xFF => "lease",
        _ => $"0x{level:X2}",
    };

    private static string CreateActionName(uint action) => action switch
    {
        0 => "superseded",
        1 => "opened",
        2 => "created",
        3 => "overwritten",
        _ => action.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string InfoTypeName(byte infoType) => infoType switch
    {
        1 => "file",
        2 => "filesystem",
        3 => "security",
        4 => "quota",
        _ => $"type {infoType}",
    };

    /// <summary>The exchange being mapped and what every op built from it shares.</summary>
    private sealed class Context
    {
        public Context(CompileSession session, ConnectionState connection, PendingRequest request, string status, bool isError)
        {
            Session = session;
            Connection = connection;
            Request = request;
            Status = status;
            IsError = isError;
            Ts = session.RelativeTimestamp(request.TimestampUs);
            Expected = new ExpectedResult { Status = status };
        }

        public CompileSession Session { get; }
        public ConnectionState Connection { get; }
        public PendingRequest Request { get; }
        public string Status { get; }
        public bool IsError { get; }
        public long Ts { get; }
        private string? _clientId;

        /// <summary>Resolved on first use so exchanges that produce nothing do not register a client.</summary>
        public string ClientId => _clientId ??= Session.Clients.Resolve(Connection.Id, Request.SessionId,
            Connection.Client?.Address.ToString() ?? "unknown", Connection.UserOf(Request.SessionId));
        public ExpectedResult Expected { get; }

        /// <summary>The open behind a FileId; counts a skip for <paramref name="command"/> when unknown.</summary>
        public OpenHandle? Handle(FileId fileId, string? command)
        {
            var resolved = Connection.Resolve(Request, fileId);
            if (resolved != null && Connection.Handles.TryGetValue(resolved.Value, out var handle))
            {
                // An op on a handle belongs to the client that opened it, whatever session it came on.
                _clientId = handle.ClientId;
                return handle;
            }
            if (command != null)
                Session.Skips.Add(fileId.IsRelated
                    ? $"{command}: on the file of a related CREATE that failed"
                    : $"{command}: on a handle opened before the capture started (or already closed)");
            return null;
        }
    }
}
