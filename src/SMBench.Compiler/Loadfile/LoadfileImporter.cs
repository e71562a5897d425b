using SMBench.Compiler.Mapping;
using SMBench.Core.Ir;
using SMBench.Core.Results;

namespace SMBench.Compiler.Loadfile;

/// <summary>
/// Imports a dbench loadfile (client.txt: NTCreateX, Close, ReadX, WriteX, Rename, Unlink, Mkdir, Rmdir, Flush,
/// FIND_FIRST, QUERY_*_INFORMATION, SET_FILE_INFORMATION, LockX, UnlockX, Deltree) as one IR client with each
/// line's status as <c>expected</c>. Lines without timestamps get timestamp 0: dbench runs its ops back to back,
/// which is what a replay at any time scale does with them. Streams the file line by line; bad lines are
/// skipped with their line number in the report's warnings.
/// </summary>
public static class LoadfileImporter
{
    public static CompileReport Import(string path, CompileSession session, CancellationToken cancellationToken)
    {
        var state = new LoadfileState(session, session.Clients.Resolve(0, 0, "loadfile", Path.GetFileName(path)));
        long lineNumber = 0, recognised = 0, bad = 0;
        string? firstLine = null;
        var firstTs = double.NaN;
        using var reader = new StreamReader(path);
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            firstLine ??= text.Length > 80 ? text[..80] : text;
            if ((lineNumber & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            LoadfileLine? line;
            try
            {
                line = LoadfileLine.Parse(text, lineNumber);
                if (line == null) continue;
                var ts = line.TimestampSeconds ?? 0;
                if (double.IsNaN(firstTs) && line.TimestampSeconds != null) firstTs = ts;
                var us = (long)Math.Round((ts - (double.IsNaN(firstTs) ? 0 : firstTs)) * 1e6);
                var ops = state.Map(line, Math.Max(0, us));
                if (ops == null) continue;
                recognised++;
                var slot = session.Sequencer.Reserve(us, line.Command);
                slot.Complete(ops);
                session.Sequencer.Advance(us);
            }
            catch (FormatException e)
            {
                bad++;
                session.Skips.Add("loadfile line not understood");
                if (session.Warnings.Count < 100) session.Warnings.Add($"{path}:{lineNumber}: {e.Message}");
            }
        }
        session.Sequencer.Drain();
        if (recognised == 0)
            throw new CompileFailedException(lineNumber == 0
                ? $"{path}: the file is empty"
                : $"{path}: no dbench loadfile commands found ({bad} lines not understood; line 1: '{firstLine}')");
        return new CompileReport { Format = "dbench-loadfile" };
    }

    /// <summary>fnum → handle bookkeeping and the mapping of each command.</summary>
    private sealed class LoadfileState
    {
        private readonly CompileSession _s;
        private readonly string _clientId;
        private readonly Dictionary<long, (string? Handle, string Path, bool Directory)> _open = [];

        public LoadfileState(CompileSession session, string clientId)
        {
            _s = session;
            _clientId = clientId;
        }

        public List<IrOperation>? Map(LoadfileLine line, long ts)
        {
            var expected = new ExpectedResult { Status = line.Status };
            var ok = line.Status is null or StatusText.Success;
            switch (line.Command)
            {
                case "NTCreateX":
                {
                    var path = PathOf(line.Arg(0, "a path"));
                    var options = (uint)line.Number(1, "create options");
                    var disposition = (uint)line.Number(2, "create disposition");
                    var fnum = line.Number(3, "a file number");
                    var directory = (options & 0x1) != 0;
                    var ext = new SmbOpExtensions { CreateOptions = options & ~0x1000u, Disposition = disposition };
                    if (ok && directory && disposition == 2)
                    {
                        _open[fnum] = (null, path, true);
                        _s.Prestate.Created(path, true);
                        return [new MkdirOp { Path = _s.IrPath(path), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected, Smb = ext }];
                    }
                    var handle = _s.NextHandleRef();
                    if (ok)
                    {
                        _open[fnum] = (handle, path, directory);
                        if (disposition == 1) _s.Prestate.Opened(path, created: false, directory, 0);
                        else _s.Prestate.Created(path, directory);
                    }
                    else if (line.Status is "STATUS_OBJECT_NAME_NOT_FOUND" or "STATUS_OBJECT_PATH_NOT_FOUND")
                    {
                        _s.Prestate.Missing(path);
                    }
                    return [new OpenOp
                    {
                        Path = _s.IrPath(path), Mode = OpenMode.ReadWrite, Handle = handle, Directory = directory,
                        OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected, Smb = ext,
                    }];
                }
                case "Close":
                {
                    var fnum = line.Number(0, "a file number");
                    if (!_open.Remove(fnum, out var h)) return Skip($"Close: file number {fnum} was never opened");
                    return h.Handle == null
                        ? Skip("Close: of a directory created by mkdir (folded into the mkdir)")
                        : [new CloseOp { Handle = h.Handle, OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected }];
                }
                case "ReadX":
                    return OnHandle(line, "ReadX", (h, path) =>
                    {
                        var offset = line.Count(1, "an offset");
                        var size = line.Count(2, "a size", int.MaxValue);
                        var returned = line.Args.Count > 3 ? line.Count(3, "a returned size", int.MaxValue) : size;
                        if (ok) _s.Prestate.ReadTo(path, offset + returned);
                        return new ReadOp { Handle = h, Offset = offset, Length = (int)size, OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected with { Bytes = returned } };
                    });
                case "WriteX":
                    return OnHandle(line, "WriteX", (h, _) =>
                    {
                        var size = line.Count(2, "a size", int.MaxValue);
                        return new WriteOp
                        {
                            Handle = h, Offset = line.Count(1, "an offset"), Length = (int)size, Blob = null,
                            OpId = "", ClientId = _clientId, TimestampUs = ts,
                            Expected = expected with { Bytes = line.Args.Count > 3 ? line.Count(3, "a returned size", int.MaxValue) : size },
                        };
                    });
                case "Flush":
                    return OnHandle(line, "Flush", (h, _) => new FlushOp { Handle = h, OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected });
                case "LockX":
                case "UnlockX":
                    return OnHandle(line, line.Command, (h, _) => line.Command == "LockX"
                        ? new LockOp { Handle = h, Offset = line.Count(1, "an offset"), Length = line.Count(2, "a length"), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected }
                        : new UnlockOp { Handle = h, Offset = line.Count(1, "an offset"), Length = line.Count(2, "a length"), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected });
                case "QUERY_FILE_INFORMATION":
                    return OnHandle(line, line.Command, (h, _) => new StatOp { Handle = h, OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected });
                case "QUERY_PATH_INFORMATION":
                    return [new StatOp { Path = _s.IrPath(PathOf(line.Arg(0, "a path"))), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected }];
                case "FIND_FIRST":
                {
                    var pattern = PathOf(line.Arg(0, "a pattern"));
                    var slash = pattern.LastIndexOf('/');
                    var dir = slash < 0 ? "" : pattern[..slash];
                    return [new ListOp { Path = _s.IrPath(dir), Pattern = _s.IrPattern(pattern[(slash + 1)..]), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected }];
                }
                case "Rename":
                {
                    var from = PathOf(line.Arg(0, "a source path"));
                    var to = PathOf(line.Arg(1, "a destination path"));
                    if (ok) _s.Prestate.Created(to, false);
                    return [new RenameOp { SourcePath = _s.IrPath(from), DestPath = _s.IrPath(to), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected }];
                }
                case "Unlink":
                    return [new DeleteOp { Path = _s.IrPath(PathOf(line.Arg(0, "a path"))), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected }];
                case "Mkdir":
                {
                    var path = PathOf(line.Arg(0, "a path"));
                    _s.Prestate.Created(path, true);
                    return [new MkdirOp { Path = _s.IrPath(path), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected }];
                }
                case "Rmdir":
                    return [new RmdirOp { Path = _s.IrPath(PathOf(line.Arg(0, "a path"))), OpId = "", ClientId = _clientId, TimestampUs = ts, Expected = expected }];
                case "SET_FILE_INFORMATION":
                    return Skip($"SET_FILE_INFORMATION: level {line.Number(1, "a level")} (no IR type; the loadfile gives no values)");
                case "QUERY_FS_INFORMATION":
                    return Skip("QUERY_FS_INFORMATION: file system information without a handle (not in the IR)");
                case "Deltree":
                    return Skip("Deltree: recursive cleanup (replay runs under its own --root)");
                case "Sleep":
                    return Skip("Sleep: pacing (use timestamps or --time-scale)");
                default:
                    return Skip($"{line.Command}: unknown loadfile command");
            }
        }

        private List<IrOperation>? OnHandle(LoadfileLine line, string command, Func<string, string, IrOperation> map)
        {
            var fnum = line.Number(0, "a file number");
            if (!_open.TryGetValue(fnum, out var h)) return Skip($"{command}: file number not open");
            if (h.Handle == null) return Skip($"{command}: on a directory created by mkdir (no IR handle)");
            return [map(h.Handle, h.Path)];
        }

        private List<IrOperation> Skip(string reason)
        {
            _s.Skips.Add(reason);
            return [];
        }

        private static string PathOf(string raw)
            => Smb.SmbExchangeMapper.NormalizeName(raw) ?? throw new FormatException($"'{raw}' is not a share-relative path");
    }
}
