using System.Text.Json;

namespace SMBench.Daemon.Reports;

/// <summary>
/// Reads <c>ops.jsonl</c> once, front to back, in large blocks, and hands every record to a
/// <see cref="RunAccumulator"/>. Lines are parsed with <see cref="Utf8JsonReader"/> straight from the block, so
/// memory stays at one block plus what the accumulator keeps, whatever the journal's size. A line that does not
/// parse (a torn tail after a crash, or damage) is counted and skipped.
/// </summary>
internal sealed class JournalScanner(StringPool pool)
{
    private const int BlockSize = 1 << 20;

    public long Records { get; private set; }
    public long UnreadableLines { get; private set; }

    // A journal is read once per process, so the hot loop is compiled optimised up front instead of starting in
    // tier-0 code and being promoted part-way through the file.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Scan(string path, RunAccumulator into, CancellationToken cancellationToken = default)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var buffer = new byte[BlockSize];
        var filled = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2); // a line longer than a block
            var read = file.Read(buffer, filled, buffer.Length - filled);
            var end = filled + read;
            var start = 0;
            while (true)
            {
                var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl < 0) break;
                Line(buffer.AsSpan(start, nl), into);
                start += nl + 1;
            }
            if (read == 0)
            {
                if (end > start) Line(buffer.AsSpan(start, end - start), into); // last line without a newline
                return;
            }
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            filled = end - start;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Line(ReadOnlySpan<byte> line, RunAccumulator into)
    {
        if (line.IndexOfAnyExcept(" \t\r"u8) < 0) return;
        JournalRecord r = default;
        try
        {
            if (!Parse(line, ref r)) { UnreadableLines++; return; }
        }
        catch (JsonException)
        {
            UnreadableLines++;
            return;
        }
        Records++;
        into.Add(in r);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool Parse(ReadOnlySpan<byte> line, ref JournalRecord r)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        string? type = null, client = null, status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("type"u8): type = Intern(ref reader); break;
                case 4 when name.SequenceEqual("path"u8): r.PathRaw = reader.ValueSpan; r.PathEscaped = reader.ValueIsEscaped; break;
                case 4 when name.SequenceEqual("node"u8): r.Node = reader.TokenType == JsonTokenType.String ? Intern(ref reader) : null; break;
                case 5 when name.SequenceEqual("op_id"u8): r.OpIdRaw = reader.ValueSpan; r.OpIdEscaped = reader.ValueIsEscaped; break;
                case 5 when name.SequenceEqual("bytes"u8): r.Bytes = reader.GetInt64(); break;
                case 5 when name.SequenceEqual("error"u8): r.ErrorRaw = reader.ValueSpan; r.ErrorEscaped = reader.ValueIsEscaped; break;
                case 6 when name.SequenceEqual("due_us"u8): r.DueUs = reader.GetInt64(); break;
                case 6 when name.SequenceEqual("status"u8): status = Intern(ref reader); break;
                case 9 when name.SequenceEqual("client_id"u8): client = Intern(ref reader); break;
                case 9 when name.SequenceEqual("issued_us"u8): r.IssuedUs = reader.GetInt64(); break;
                case 12 when name.SequenceEqual("completed_us"u8): r.CompletedUs = reader.GetInt64(); break;
                case 15 when name.SequenceEqual("expected_status"u8):
                    r.ExpectedStatus = reader.TokenType == JsonTokenType.String ? Intern(ref reader) : null;
                    break;
                default: reader.Skip(); break; // latency_us/lateness_us are derived; unknown fields are tolerated
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || type == null || status == null) return false;
        r.Type = type;
        r.Status = status;
        r.ClientId = client ?? "";
        return true;
    }

    private string Intern(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? pool.Intern(reader.GetString() ?? "") : pool.Get(reader.ValueSpan);
}
