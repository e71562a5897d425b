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
    private long _line = 1;

    public JsonValueScanner(Stream stream, string file)
    {
        _stream = stream;
        _file = file;
    }

    public long Line => _line;

    public void Dispose() => _stream.Dispose();

    /// <summary>Members of the top-level object; array elements of <paramref name="arrayKey"/> come one by one.</summary>
    public IEnumerable<ScannedValue> ScanObject(string arrayKey, bool captureArrayElements)
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
            var key = System.Text.Json.JsonSerializer.Deserialize<string>(_value.WrittenSpan) ?? "";
            SkipWhitespace();
            Expect((byte)':', $"expected ':' after \"{key}\"");
            SkipWhitespace();
            if (key == arrayKey)
            {
                foreach (var element in ScanArray(key, captureArrayElements)) yield return element;
                continue;
            }
            var line = _line;
            CaptureValue();
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
            var depth = 0;
            var inString = false;
            var escaped = false;
            while (true)
            {
                var b = NextByte(capture);
                if (b == -1)
                    throw new WorkloadException(_file, startLine, null,
                        $"unexpected end of file inside the value starting here (truncated JSON?)");
                if (inString)
                {
                    if (escaped) escaped = false;
                    else if (b == '\\') escaped = true;
                    else if (b == '"') inString = false;
                    continue;
                }
                if (b == '"') inString = true;
                else if (b is '{' or '[') depth++;
                else if (b is '}' or ']')
                {
                    if (--depth == 0) return;
                }
            }
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
internal readonly record struct ScannedValue(string? Key, ReadOnlyMemory<byte> Bytes, long Line, bool IsOperation);
