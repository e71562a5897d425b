using System.Text.Json;

namespace SMBench.Core.Ir.Json;

/// <summary>One IR operation to and from its JSON object (the seed's field names).</summary>
public static class OperationJson
{
    /// <summary>Parses an operation object; <paramref name="extensionsById"/> supplies top-level extensions.</summary>
    public static IrOperation Read(JsonElement e, string file, long line,
        Func<string, SmbOpExtensions?>? extensionsById = null)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new WorkloadException(file, line, null, "an operation must be a JSON object");
        var opId = new JsonFields(e, file, line, null).OptionalString("op_id");
        var f = new JsonFields(e, file, line, opId);
        if (opId == null) throw f.Fail("missing field 'op_id'");
        var clientId = f.RequiredString("client_id");
        var ts = f.RequiredLong("timestamp_us");
        if (ts < 0) throw f.Fail($"timestamp_us is negative ({ts})");
        var type = f.RequiredString("type");

        IrOperation op = type switch
        {
            OpTypes.Open => new OpenOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                Path = f.RequiredString("path"), Mode = ParseMode(f), Handle = f.RequiredString("handle_ref"),
                Directory = f.OptionalBool("directory", false),
            },
            OpTypes.Read => new ReadOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                Handle = f.RequiredString("handle_ref"), Offset = NonNegative(f, "offset"), Length = f.RequiredInt("length"),
            },
            OpTypes.Write => new WriteOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                Handle = f.RequiredString("handle_ref"), Offset = NonNegative(f, "offset"), Length = f.RequiredInt("length"),
                Blob = f.OptionalString("blob", "blob_path"),
            },
            OpTypes.Close => new CloseOp { OpId = opId, ClientId = clientId, TimestampUs = ts, Handle = f.RequiredString("handle_ref") },
            OpTypes.Rename => new RenameOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                SourcePath = f.RequiredString("source_path"), DestPath = f.RequiredString("dest_path"),
                ReplaceIfExists = f.OptionalBool("replace_if_exists", false),
            },
            OpTypes.Delete => new DeleteOp { OpId = opId, ClientId = clientId, TimestampUs = ts, Path = f.RequiredString("path") },
            OpTypes.Mkdir => new MkdirOp { OpId = opId, ClientId = clientId, TimestampUs = ts, Path = f.RequiredString("path") },
            OpTypes.Rmdir => new RmdirOp { OpId = opId, ClientId = clientId, TimestampUs = ts, Path = f.RequiredString("path") },
            OpTypes.List => new ListOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                Path = f.RequiredString("path"), Pattern = f.OptionalString("pattern") ?? "*",
            },
            OpTypes.Stat => ParseStat(f, opId, clientId, ts),
            OpTypes.Truncate => new TruncateOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                Handle = f.RequiredString("handle_ref"), Length = NonNegative(f, "length"),
            },
            OpTypes.Flush => new FlushOp { OpId = opId, ClientId = clientId, TimestampUs = ts, Handle = f.RequiredString("handle_ref") },
            OpTypes.Lock => new LockOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                Handle = f.RequiredString("handle_ref"), Offset = NonNegative(f, "offset"), Length = NonNegative(f, "length"),
                Exclusive = f.OptionalBool("exclusive", true), FailImmediately = f.OptionalBool("fail_immediately", true),
            },
            OpTypes.Unlock => new UnlockOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                Handle = f.RequiredString("handle_ref"), Offset = NonNegative(f, "offset"), Length = NonNegative(f, "length"),
            },
            OpTypes.Ioctl => new IoctlOp
            {
                OpId = opId, ClientId = clientId, TimestampUs = ts,
                Handle = f.RequiredString("handle_ref"), CtlCode = CtlCode(f),
                InputLength = OptionalInt(f, "input_length"), MaxOutputLength = OptionalInt(f, "max_output_length"),
            },
            _ => throw f.Fail($"unknown operation type '{type}' (known: {string.Join(", ", OpTypes.All)})"),
        };

        var smb = ReadInlineExtensions(f) ?? extensionsById?.Invoke(opId);
        var expected = f.TryGet("expected", null, out var exp)
            ? exp.ValueKind == JsonValueKind.Object ? ReadExpected(f.With(exp)) : throw f.Fail("field 'expected' must be an object")
            : null;
        return op with { Smb = smb, Expected = expected, SourceLine = line };
    }

    private static StatOp ParseStat(JsonFields f, string opId, string clientId, long ts)
    {
        var path = f.OptionalString("path");
        var handle = f.OptionalString("handle_ref");
        if (path == null && handle == null) throw f.Fail("stat needs 'path' or 'handle_ref'");
        return new StatOp { OpId = opId, ClientId = clientId, TimestampUs = ts, Path = path, Handle = handle };
    }

    // The casts these replace wrapped silently: ctl_code 0x1_0000_0000 became 0, input_length 2^32 + 1 became 1.
    private static uint CtlCode(JsonFields f)
    {
        var v = f.RequiredLong("ctl_code");
        if (v is < 0 or > uint.MaxValue) throw f.Fail($"field 'ctl_code' is {v}, outside 0..0xFFFFFFFF");
        return (uint)v;
    }

    private static int OptionalInt(JsonFields f, string name) => f.Has(name) ? f.RequiredInt(name) : 0;

    private static long NonNegative(JsonFields f, string name)
    {
        var v = f.RequiredLong(name);
        if (v < 0) throw f.Fail($"field '{name}' is negative ({v})");
        return v;
    }

    private static OpenMode ParseMode(JsonFields f) => f.RequiredString("mode") switch
    {
        "read" => OpenMode.Read,
        "write" => OpenMode.Write,
        "read_write" => OpenMode.ReadWrite,
        var m => throw f.Fail($"open mode '{m}' is not read, write or read_write"),
    };

    private static SmbOpExtensions? ReadInlineExtensions(JsonFields f)
    {
        if (!f.TryGet("extensions", null, out var ext)) return null;
        if (ext.ValueKind != JsonValueKind.Object) throw f.Fail("field 'extensions' must be an object");
        var inner = ext.TryGetProperty("smb_protocol", out var smb) ? smb : ext;
        if (inner.ValueKind != JsonValueKind.Object) throw f.Fail("extensions.smb_protocol must be an object");
        return SmbExtensionsJson.Read(f.With(inner));
    }

    internal static SmbOpExtensions ReadSmbExtensions(JsonElement e, string file, long line, string opId)
        => SmbExtensionsJson.Read(new JsonFields(e, file, line, opId));

    internal static ExpectedResult ReadExpected(JsonFields f)
    {
        string? status = null;
        if (f.TryGet("status", null, out var s))
        {
            status = s.ValueKind == JsonValueKind.Number && s.TryGetUInt32(out var code)
                ? Results.StatusText.FromCode(code)
                : Results.StatusText.Normalize(s.ValueKind is JsonValueKind.String or JsonValueKind.Number ? s.ToString() : null)
                  ?? throw f.Fail($"expected.status '{s.GetRawText()}' is neither STATUS_… nor a number");
        }
        return new ExpectedResult
        {
            Status = status,
            OplockLevel = f.OptionalString("oplock_level"),
            LeaseState = f.OptionalString("lease_state"),
            CreateAction = f.OptionalString("create_action"),
            Bytes = f.OptionalLong("bytes"),
        };
    }

    /// <summary>Writes one op object; extensions inline when <paramref name="inlineExtensions"/>.</summary>
    public static void Write(Utf8JsonWriter w, IrOperation op, bool inlineExtensions)
    {
        w.WriteStartObject();
        w.WriteString("op_id", op.OpId);
        w.WriteString("client_id", op.ClientId);
        w.WriteNumber("timestamp_us", op.TimestampUs);
        w.WriteString("type", op.Type);
        switch (op)
        {
            case OpenOp o:
                w.WriteString("path", o.Path);
                w.WriteString("mode", o.Mode switch { OpenMode.Read => "read", OpenMode.Write => "write", _ => "read_write" });
                w.WriteString("handle_ref", o.Handle);
                if (o.Directory) w.WriteBoolean("directory", true);
                break;
            case ReadOp r: w.WriteString("handle_ref", r.Handle); w.WriteNumber("offset", r.Offset); w.WriteNumber("length", r.Length); break;
            case WriteOp wr:
                w.WriteString("handle_ref", wr.Handle); w.WriteNumber("offset", wr.Offset); w.WriteNumber("length", wr.Length);
                if (wr.Blob != null) w.WriteString("blob", wr.Blob);
                break;
            case CloseOp c: w.WriteString("handle_ref", c.Handle); break;
            case RenameOp rn:
                w.WriteString("source_path", rn.SourcePath); w.WriteString("dest_path", rn.DestPath);
                if (rn.ReplaceIfExists) w.WriteBoolean("replace_if_exists", true);
                break;
            case DeleteOp d: w.WriteString("path", d.Path); break;
            case MkdirOp m: w.WriteString("path", m.Path); break;
            case RmdirOp rd: w.WriteString("path", rd.Path); break;
            case ListOp l: w.WriteString("path", l.Path); if (l.Pattern != "*") w.WriteString("pattern", l.Pattern); break;
            case StatOp st:
                if (st.Path != null) w.WriteString("path", st.Path);
                if (st.Handle != null) w.WriteString("handle_ref", st.Handle);
                break;
            case TruncateOp t: w.WriteString("handle_ref", t.Handle); w.WriteNumber("length", t.Length); break;
            case FlushOp fl: w.WriteString("handle_ref", fl.Handle); break;
            case LockOp lk:
                w.WriteString("handle_ref", lk.Handle); w.WriteNumber("offset", lk.Offset); w.WriteNumber("length", lk.Length);
                w.WriteBoolean("exclusive", lk.Exclusive); w.WriteBoolean("fail_immediately", lk.FailImmediately);
                break;
            case UnlockOp ul: w.WriteString("handle_ref", ul.Handle); w.WriteNumber("offset", ul.Offset); w.WriteNumber("length", ul.Length); break;
            case IoctlOp io:
                w.WriteString("handle_ref", io.Handle); w.WriteNumber("ctl_code", io.CtlCode);
                w.WriteNumber("input_length", io.InputLength); w.WriteNumber("max_output_length", io.MaxOutputLength);
                break;
        }
        if (op.Expected is { } e) WriteExpected(w, e);
        if (inlineExtensions && op.Smb != null)
        {
            w.WriteStartObject("extensions");
            w.WritePropertyName("smb_protocol");
            SmbExtensionsJson.Write(w, op.Smb);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteExpected(Utf8JsonWriter w, ExpectedResult e)
    {
        w.WriteStartObject("expected");
        if (e.Status != null) w.WriteString("status", e.Status);
        if (e.OplockLevel != null) w.WriteString("oplock_level", e.OplockLevel);
        if (e.LeaseState != null) w.WriteString("lease_state", e.LeaseState);
        if (e.CreateAction != null) w.WriteString("create_action", e.CreateAction);
        if (e.Bytes is { } b) w.WriteNumber("bytes", b);
        w.WriteEndObject();
    }
}
