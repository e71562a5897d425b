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
    /// <remarks>Scans the read buffer a chunk at a time and copies whole ranges: this is the reader's hot loop.</remarks>
    private void CaptureValue(bool capture = true)
    {
        _value.ResetWrittenCount();
        var startLine = _line;
        var c = PeekByte();
        if (c == -1) throw Error("unexpected end of file where a value was expected (truncated JSON?)");
        var kind = c is '{' or '[' ? 0 : c == '"' ? 1 : 2;
        var depth = 0;
        var inString = false;
        var escaped = false;
        var first = true;
        while (true)
        {
            if (_pos >= _len && PeekRaw() == -1)
            {
                if (kind == 2) return;
                throw new WorkloadException(_file, startLine, null, kind == 0
                    ? "unexpected end of file inside the value starting here (truncated JSON?)"
                    : "unterminated string");
            }
            var chunk = _buf.AsSpan(_pos, _len - _pos);
            var end = -1;
            for (var i = 0; i < chunk.Length; i++)
            {
                var b = chunk[i];
                if (b == '\n')
                {
                    _line++;
                    if (kind == 1 && !first) throw new WorkloadException(_file, startLine, null, "unterminated string");
                }
                if (kind == 2)
                {
                    if (b is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                    {
                        if (b == '\n') _line--; // not part of the value; SkipWhitespace counts it
                        end = i;
                        break;
                    }
                    continue;
                }
                if (inString)
                {
                    if (escaped) escaped = false;
                    else if (b == '\\') escaped = true;
                    else if (b == '"')
                    {
                        inString = false;
                        if (kind == 1) { end = i + 1; break; }
                    }
                }
                else if (b == '"') inString = true;
                else if (b is (byte)'{' or (byte)'[') depth++;
                else if (b is (byte)'}' or (byte)']')
                {
                    if (--depth == 0) { end = i + 1; break; }
                }
                first = false;
            }
            var take = end >= 0 ? end : chunk.Length;
            if (capture)
            {
                if (_value.WrittenCount + take > MaxValueBytes)
                    throw Error($"a single JSON value exceeds {MaxValueBytes / (1024 * 1024)} MiB");
                chunk[..take].CopyTo(_value.GetSpan(take));
                _value.Advance(take);
            }
            _pos += take;
            if (end >= 0) return;
        }
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
