using System.Text.Json;
using SMBench.Core.Results;

namespace SMBench.Core.Ir.Json;

/// <summary>
/// The reader's fast path: parses the common, well-formed operation straight off the bytes with a
/// <see cref="Utf8JsonReader"/>, without building a <see cref="JsonDocument"/>. Anything it is not sure about —
/// inline extensions, ioctl, numeric ids, escapes, repeated or unknown members, a missing or odd field — makes it
/// return null, and <see cref="OperationJson.Read"/> parses the op instead and words any error. So this path never
/// accepts what the full parser would refuse, and never has its own error messages.
/// </summary>
internal static class OperationJsonFast
{
    public static IrOperation? TryRead(ReadOnlySpan<byte> json, long line, Func<string, SmbOpExtensions?>? extensionsById)
    {
        try
        {
            return Read(json, line, extensionsById);
        }
        catch (JsonException)
        {
            return null; // malformed: the full parser reports it with its location
        }
    }

    private static IrOperation? Read(ReadOnlySpan<byte> json, long line, Func<string, SmbOpExtensions?>? extensionsById)
    {
        var r = new Utf8JsonReader(json);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return null;
        var f = new Fields();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueIsEscaped) return null;
            var name = r.ValueSpan;
            if (!r.Read() || !f.Take(name, ref r)) return null;
        }
        if (r.TokenType != JsonTokenType.EndObject || r.Read()) return null;
        return f.Build(line, extensionsById);
    }

    private struct Fields
    {
        private int _seen;
        private string? _opId, _clientId, _type, _path, _mode, _handle, _blob, _source, _dest, _pattern;
        private long _ts, _offset, _length;
        private bool _directory, _replace, _exclusive, _failImmediately;
        public ExpectedResult? Expected;

        public bool Take(ReadOnlySpan<byte> name, ref Utf8JsonReader r)
        {
            var bit = Bit(name);
            if (bit == 0 || (_seen & bit) != 0) return false;
            _seen |= bit;
            return bit switch
            {
                B.OpId => Str(ref r, out _opId),
                B.ClientId => Shared(ref r, out _clientId),
                B.Type => Shared(ref r, out _type),
                B.Path => Shared(ref r, out _path),
                B.Mode => Shared(ref r, out _mode),
                B.Handle => Shared(ref r, out _handle),
                B.Blob => Shared(ref r, out _blob),
                B.Source => Str(ref r, out _source),
                B.Dest => Str(ref r, out _dest),
                B.Pattern => Str(ref r, out _pattern),
                B.Ts => Num(ref r, out _ts),
                B.Offset => Num(ref r, out _offset),
                B.Length => Num(ref r, out _length),
                B.Directory => Bool(ref r, out _directory),
                B.Replace => Bool(ref r, out _replace),
                B.Exclusive => Bool(ref r, out _exclusive),
                B.FailImmediately => Bool(ref r, out _failImmediately),
                B.Expected => ReadExpected(ref r),
                _ => false,
            };
        }

        private readonly bool Has(int bit) => (_seen & bit) != 0;

        public readonly IrOperation? Build(long line, Func<string, SmbOpExtensions?>? extensionsById)
        {
            if (_opId == null || _clientId == null || _type == null || !Has(B.Ts) || _ts < 0) return null;
            var smb = extensionsById?.Invoke(_opId);
            var offsetOk = Has(B.Offset) && _offset >= 0;
            var lengthOk = Has(B.Length) && _length >= 0;
            var intLength = lengthOk && _length <= int.MaxValue;
            var extra = _seen & ~(B.OpId | B.ClientId | B.Type | B.Ts | B.Expected);
            return _type switch
            {
                OpTypes.Open when extra == (extra & (B.Path | B.Mode | B.Handle | B.Directory)) && _path != null && _handle != null
                                  && ParseMode(_mode) is { } mode =>
                    new OpenOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Path = _path, Mode = mode, Handle = _handle, Directory = _directory },
                OpTypes.Read when extra == (B.Handle | B.Offset | B.Length) && offsetOk && intLength =>
                    new ReadOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Handle = _handle!, Offset = _offset, Length = (int)_length },
                OpTypes.Write when (extra & ~B.Blob) == (B.Handle | B.Offset | B.Length) && offsetOk && intLength =>
                    new WriteOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Handle = _handle!, Offset = _offset, Length = (int)_length, Blob = _blob },
                OpTypes.Close when extra == B.Handle => new CloseOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Handle = _handle! },
                OpTypes.Flush when extra == B.Handle => new FlushOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Handle = _handle! },
                OpTypes.Delete when extra == B.Path => new DeleteOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Path = _path! },
                OpTypes.Mkdir when extra == B.Path => new MkdirOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Path = _path! },
                OpTypes.Rmdir when extra == B.Path => new RmdirOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Path = _path! },
                OpTypes.List when (extra & ~B.Pattern) == B.Path =>
                    new ListOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Path = _path!, Pattern = _pattern ?? "*" },
                OpTypes.Stat when extra != 0 && extra == (extra & (B.Path | B.Handle)) =>
                    new StatOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Path = _path, Handle = _handle },
                OpTypes.Truncate when extra == (B.Handle | B.Length) && lengthOk =>
                    new TruncateOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Handle = _handle!, Length = _length },
                OpTypes.Rename when (extra & ~B.Replace) == (B.Source | B.Dest) =>
                    new RenameOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, SourcePath = _source!, DestPath = _dest!, ReplaceIfExists = _replace },
                OpTypes.Lock when (extra & ~(B.Exclusive | B.FailImmediately)) == (B.Handle | B.Offset | B.Length) && offsetOk && lengthOk =>
                    new LockOp
                    {
                        OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Handle = _handle!, Offset = _offset, Length = _length,
                        Exclusive = !Has(B.Exclusive) || _exclusive, FailImmediately = !Has(B.FailImmediately) || _failImmediately,
                    },
                OpTypes.Unlock when extra == (B.Handle | B.Offset | B.Length) && offsetOk && lengthOk =>
                    new UnlockOp { OpId = _opId, ClientId = _clientId, TimestampUs = _ts, SourceLine = line, Expected = Expected, Smb = smb, Handle = _handle!, Offset = _offset, Length = _length },
                _ => null,
            };
        }

        private bool ReadExpected(ref Utf8JsonReader r)
        {
            if (r.TokenType != JsonTokenType.StartObject) return false;
            string? status = null, oplock = null, lease = null, action = null;
            long? bytes = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueIsEscaped) return false;
                var name = r.ValueSpan;
                if (!r.Read()) return false;
                if (name.SequenceEqual("status"u8) && status == null)
                {
                    if (r.TokenType != JsonTokenType.String) return false;
                    status = StatusText.Normalize(r.GetString());
                    if (status == null) return false;
                }
                else if (name.SequenceEqual("oplock_level"u8) && oplock == null) { if (!Str(ref r, out oplock)) return false; }
                else if (name.SequenceEqual("lease_state"u8) && lease == null) { if (!Str(ref r, out lease)) return false; }
                else if (name.SequenceEqual("create_action"u8) && action == null) { if (!Str(ref r, out action)) return false; }
                else if (name.SequenceEqual("bytes"u8) && bytes == null)
                {
                    if (!Num(ref r, out var b)) return false;
                    bytes = b;
                }
                else return false;
            }
            if (r.TokenType != JsonTokenType.EndObject) return false;
            Expected = new ExpectedResult { Status = status, OplockLevel = oplock, LeaseState = lease, CreateAction = action, Bytes = bytes };
            return true;
        }

        private static bool Str(ref Utf8JsonReader r, out string? value)
        {
            value = r.TokenType == JsonTokenType.String ? r.GetString() : null;
            return value != null;
        }

        /// <summary>Like <see cref="Str"/>, for values that repeat across ops: taken from the thread's pool.</summary>
        private static bool Shared(ref Utf8JsonReader r, out string? value)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                value = null;
                return false;
            }
            value = (r.ValueIsEscaped || r.HasValueSequence ? null : Utf8StringPool.ForThisThread.Get(r.ValueSpan)) ?? r.GetString();
            return value != null;
        }

        private static bool Num(ref Utf8JsonReader r, out long value)
        {
            value = 0;
            return r.TokenType == JsonTokenType.Number && r.TryGetInt64(out value);
        }

        private static bool Bool(ref Utf8JsonReader r, out bool value)
        {
            value = r.TokenType == JsonTokenType.True;
            return r.TokenType is JsonTokenType.True or JsonTokenType.False;
        }

        private static OpenMode? ParseMode(string? mode) => mode switch
        {
            "read" => OpenMode.Read,
            "write" => OpenMode.Write,
            "read_write" => OpenMode.ReadWrite,
            _ => null,
        };

        private static int Bit(ReadOnlySpan<byte> n) => n.Length switch
        {
            4 when n.SequenceEqual("type"u8) => B.Type,
            4 when n.SequenceEqual("path"u8) => B.Path,
            4 when n.SequenceEqual("mode"u8) => B.Mode,
            4 when n.SequenceEqual("blob"u8) => B.Blob,
            5 when n.SequenceEqual("op_id"u8) => B.OpId,
            6 when n.SequenceEqual("offset"u8) => B.Offset,
            6 when n.SequenceEqual("length"u8) => B.Length,
            7 when n.SequenceEqual("pattern"u8) => B.Pattern,
            8 when n.SequenceEqual("expected"u8) => B.Expected,
            9 when n.SequenceEqual("client_id"u8) => B.ClientId,
            9 when n.SequenceEqual("blob_path"u8) => B.Blob,
            9 when n.SequenceEqual("directory"u8) => B.Directory,
            9 when n.SequenceEqual("exclusive"u8) => B.Exclusive,
            9 when n.SequenceEqual("dest_path"u8) => B.Dest,
            10 when n.SequenceEqual("handle_ref"u8) => B.Handle,
            11 when n.SequenceEqual("source_path"u8) => B.Source,
            12 when n.SequenceEqual("timestamp_us"u8) => B.Ts,
            16 when n.SequenceEqual("fail_immediately"u8) => B.FailImmediately,
            17 when n.SequenceEqual("replace_if_exists"u8) => B.Replace,
            _ => 0,
        };
    }

    private static class B
    {
        public const int OpId = 1, ClientId = 1 << 1, Type = 1 << 2, Ts = 1 << 3, Path = 1 << 4, Mode = 1 << 5, Handle = 1 << 6,
            Offset = 1 << 7, Length = 1 << 8, Blob = 1 << 9, Source = 1 << 10, Dest = 1 << 11, Pattern = 1 << 12,
            Directory = 1 << 13, Replace = 1 << 14, Exclusive = 1 << 15, FailImmediately = 1 << 16, Expected = 1 << 17;
    }
}
