using System.Buffers;

namespace SMBench.Core.Ir.Json;

/// <summary>
/// Splits a JSON stream into complete values without building a tree of the whole file: either the members of the
/// top-level object (with the <c>operations</c> array yielded element by element) or a sequence of top-level values
/// (JSON Lines). Each value is handed out as bytes with its starting line, to be parsed on its own. This is what
/// keeps the IR reader's memory flat in the number of operations.
/// </summary>
internal sealed class JsonValueScanner : IDisposable
{
    /// <summary>One value bigger than this is refused: no legitimate op or header needs it.</summary>
    public const int MaxValueBytes = 64 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly string _file;
    private readonly byte[] _buf = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _value = new(4096);
    private int _pos, _len;
    private bool _eof;
    private bool _atStart = true;
    private long _line = 1;

    public JsonValueScanner(Stream stream, string file)
    {
        _stream = stream;
        _file = file;
    }

    public long Line => _line;

    /// <summary>Whether <see cref="ScanObject"/> met the array member it was asked to stream.</summary>
    public bool SawArray { get; private set; }

    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// Members of the top-level object; array elements of <paramref name="arrayKey"/> come one by one. Other members
    /// are copied out only when <paramref name="captureOtherMembers"/>. With <paramref name="streamExtensions"/>,
    /// the entries of <c>extensions.smb_protocol.operations</c> come one by one too (<see cref="ScannedValue.IsExtension"/>),
    /// so a map as large as the workload never has to sit in memory as one value.
    /// </summary>
    public IEnumerable<ScannedValue> ScanObject(string arrayKey, bool captureArrayElements, bool captureOtherMembers = true,
        bool streamExtensions = false)
    {
        SkipWhitespace();
        Expect((byte)'{', "the workload must be a JSON object");
        var first = true;
        while (true)
        {
            SkipWhitespace();
            if (PeekByte() == '}') { _pos++; break; }
            if (!first) { Expect((byte)',', "expected ',' or '}' between members"); SkipWhitespace(); }
            first = false;
            var keyLine = _line;
            if (PeekByte() != '"') throw Error("expected a member name");
            CaptureValue();
            var key = MemberName();
            SkipWhitespace();
            Expect((byte)':', $"expected ':' after \"{key}\"");
            SkipWhitespace();
            if (key == arrayKey)
            {
                SawArray = true;
                foreach (var element in ScanArray(key, captureArrayElements)) yield return element;
                continue;
            }
            if (key == "extensions" && streamExtensions)
            {
                foreach (var entry in ScanExtensions()) yield return entry;
                continue;
            }
            var line = _line;
            CaptureValue(captureOtherMembers);
            yield return new ScannedValue(key, _value.WrittenMemory, line == 0 ? keyLine : line, false);
        }
        SkipWhitespace();
        if (PeekByte() != -1) throw Error("unexpected data after the top-level object");
    }

    private IEnumerable<ScannedValue> ScanArray(string key, bool capture)
    {
        Expect((byte)'[', $"\"{key}\" must be an array");
        var first = true;
        while (true)
        {
            SkipWhitespace();
            if (PeekByte() == ']') { _pos++; yield break; }
            if (!first) { Expect((byte)',', $"expected ',' or ']' in \"{key}\""); SkipWhitespace(); }
            first = false;
            var line = _line;
            CaptureValue(capture);
            yield return new ScannedValue(key, capture ? _value.WrittenMemory : default, line, true);
        }
    }

    private IEnumerable<ScannedValue> ScanExtensions()
    {
        foreach (var kind in Members("extensions"))
        {
            if (kind != "smb_protocol") { CaptureValue(false); continue; }
            foreach (var section in Members("extensions.smb_protocol"))
            {
                if (section != "operations") { CaptureValue(false); continue; }
                foreach (var opId in Members("extensions.smb_protocol.operations"))
                {
                    var line = _line;
                    CaptureValue();
                    yield return new ScannedValue(opId, _value.WrittenMemory, line, false, IsExtension: true);
                }
            }
        }
    }

    /// <summary>
    /// The member names of the object starting here, each time leaving the reader at the member's value, which the
    /// caller must consume before asking for the next name.
    /// </summary>
    private IEnumerable<string> Members(string what)
    {
        if (PeekByte() != '{') throw Error($"'{what}' must be an object" + (PeekByte() == -1 ? " (unexpected end of file: truncated JSON?)" : ""));
        _pos++;
        var first = true;
        while (true)
        {
            SkipWhitespace();
            if (PeekByte() == '}') { _pos++; yield break; }
            if (!first) { Expect((byte)',', $"expected ',' or '}}' in '{what}'"); SkipWhitespace(); }
            first = false;
            if (PeekByte() != '"') throw Error($"expected a member name in '{what}'");
            CaptureValue();
            var key = MemberName();
            SkipWhitespace();
            Expect((byte)':', $"expected ':' after \"{key}\"");
            SkipWhitespace();
            yield return key;
        }
    }

    private string MemberName()
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string>(_value.WrittenSpan) ?? "";
        }
        catch (System.Text.Json.JsonException e)
        {
            // A broken escape in a name must be a located workload error like any other bad JSON.
            throw new WorkloadException(_file, _line, null, $"invalid JSON in a member name: {e.Message.Split(" Path:")[0]}", e);
        }
    }

    /// <summary>JSON Lines: every non-blank line is one value.</summary>
    public IEnumerable<ScannedValue> ScanLines()
    {
        while (true)
        {
            SkipWhitespace();
            if (PeekByte() == -1) yield break;
            var line = _line;
            CaptureValue();
            var next = PeekRaw();
            while (next is ' ' or '\t' or '\r') { _pos++; next = PeekRaw(); }
            if (next != -1 && next != '\n') throw Error("expected one JSON value per line");
            yield return new ScannedValue(null, _value.WrittenMemory, line, true);
        }
    }

    /// <summary>Copies one complete value (object, array, string or scalar) into the value buffer.</summary>
    private void CaptureValue(bool capture = true)
    {
        _value.ResetWrittenCount();
        var startLine = _line;
        var c = PeekByte();
        if (c == -1) throw Error("unexpected end of file where a value was expected (truncated JSON?)");
        if (c is '{' or '[')
        {
            CaptureComposite(capture, startLine);
            return;
        }
        if (c == '"')
        {
            NextByte(capture);
            var escaped = false;
            while (true)
            {
                var b = NextByte(capture);
                if (b == -1 || b == '\n') throw new WorkloadException(_file, startLine, null, "unterminated string");
                if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') return;
            }
        }
        while (true)
        {
            var b = PeekRaw();
            if (b is -1 or ',' or '}' or ']' or ' ' or '\t' or '\r' or '\n') return;
            NextByte(capture);
        }
    }

    // Bytes that matter while walking an object or array, outside and inside strings.
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]\n"u8);
    private static readonly SearchValues<byte> StringSpecial = SearchValues.Create("\"\\\n"u8);

    /// <summary>
    /// Walks an object or array to its matching close, a buffer at a time: a vectorised search jumps to the next
    /// byte that matters and whole runs are copied at once (a byte-by-byte copy made scanning the reader's cost).
    /// </summary>
    private void CaptureComposite(bool capture, long startLine)
    {
        var depth = 0;
        var inString = false;
        var skipNext = false; // the byte after a backslash, when the backslash ended the previous buffer
        while (true)
        {
            if (PeekRaw() == -1)
                throw new WorkloadException(_file, startLine, null,
                    "unexpected end of file inside the value starting here (truncated JSON?)");
            var span = _buf.AsSpan(_pos, _len - _pos);
            var i = 0;
            var done = false;
            if (skipNext) { skipNext = false; if (span[0] == '\n') _line++; i = 1; }
            while (i < span.Length)
            {
                var k = span[i..].IndexOfAny(inString ? StringSpecial : Structural);
                if (k < 0) { i = span.Length; break; }
                i += k;
                var b = span[i++];
                if (b == '\n') { _line++; continue; }
                if (inString)
                {
                    if (b == '"') inString = false;
                    else if (i < span.Length) { if (span[i] == '\n') _line++; i++; } // skip the escaped byte
                    else skipNext = true;
                    continue;
                }
                if (b == '"') inString = true;
                else if (b is (byte)'{' or (byte)'[') depth++;
                else if (--depth == 0) { done = true; break; }
            }
            if (capture)
            {
                if (_value.WrittenCount + i > MaxValueBytes)
                    throw Error($"a single JSON value exceeds {MaxValueBytes / (1024 * 1024)} MiB");
                _value.Write(span[..i]);
            }
            _pos += i;
            if (done) return;
        }
    }

    private int NextByte(bool capture)
    {
        var b = PeekRaw();
        if (b == -1) return -1;
        _pos++;
        if (b == '\n') _line++;
        if (capture)
        {
            if (_value.WrittenCount >= MaxValueBytes)
                throw Error($"a single JSON value exceeds {MaxValueBytes / (1024 * 1024)} MiB");
            _value.GetSpan(1)[0] = (byte)b;
            _value.Advance(1);
        }
        return b;
    }

    private void SkipWhitespace()
    {
        while (true)
        {
            var b = PeekRaw();
            if (b is not (' ' or '\t' or '\r' or '\n')) return;
            if (b == '\n') _line++;
            _pos++;
        }
    }

    private int PeekByte() => PeekRaw();

    private int PeekRaw()
    {
        if (_pos < _len) return _buf[_pos];
        if (_eof) return -1;
        _pos = 0;
        if (_atStart)
        {
            // Editors on Windows save UTF-8 with a byte order mark; JSON parsers accept it, so do we.
            _atStart = false;
            _len = _stream.ReadAtLeast(_buf, 3, throwOnEndOfStream: false);
            if (_len >= 3 && _buf[0] == 0xEF && _buf[1] == 0xBB && _buf[2] == 0xBF) _pos = 3;
            if (_pos < _len) return _buf[_pos];
        }
        _len = _stream.Read(_buf, 0, _buf.Length);
        _pos = 0;
        if (_len == 0) { _eof = true; return -1; }
        return _buf[0];
    }

    private void Expect(byte expected, string message)
    {
        var b = PeekRaw();
        if (b != expected)
            throw Error(b == -1 ? message + " (unexpected end of file: truncated JSON?)" : message);
        _pos++;
    }

    private WorkloadException Error(string reason) => new(_file, _line, null, reason);
}

/// <param name="Key">Member name, or the array's name for its elements; null for JSON Lines.</param>
/// <param name="Bytes">The value's UTF-8 bytes; only valid until the scanner moves on.</param>
/// <param name="IsExtension">An entry of <c>extensions.smb_protocol.operations</c>; <paramref name="Key"/> is its op id.</param>
internal readonly record struct ScannedValue(string? Key, ReadOnlyMemory<byte> Bytes, long Line, bool IsOperation, bool IsExtension = false);
