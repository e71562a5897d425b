using System.Text.Json;

namespace SMBench.Core.Results;

/// <summary>
/// Appends op results to <c>ops.jsonl</c>. Each batch is written as whole lines and flushed to the OS, so a crash
/// of this process loses nothing already reported and never leaves a torn record behind a flushed one.
/// Single writer: the results sink owns it.
/// </summary>
public sealed class ResultsJournal : IDisposable
{
    public const string FileName = "ops.jsonl";
    // Property names encoded once: the journal writes a record per op.
    private static readonly JsonEncodedText POpId = JsonEncodedText.Encode("op_id");
    private static readonly JsonEncodedText PClientId = JsonEncodedText.Encode("client_id");
    private static readonly JsonEncodedText PType = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText PDueUs = JsonEncodedText.Encode("due_us");
    private static readonly JsonEncodedText PIssuedUs = JsonEncodedText.Encode("issued_us");
    private static readonly JsonEncodedText PCompletedUs = JsonEncodedText.Encode("completed_us");
    private static readonly JsonEncodedText PLatencyUs = JsonEncodedText.Encode("latency_us");
    private static readonly JsonEncodedText PLatenessUs = JsonEncodedText.Encode("lateness_us");
    private static readonly JsonEncodedText PStatus = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText PBytes = JsonEncodedText.Encode("bytes");
    private static readonly JsonEncodedText PExpectedStatus = JsonEncodedText.Encode("expected_status");
    private static readonly JsonEncodedText PPath = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText PError = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText PNode = JsonEncodedText.Encode("node");
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _writer;
    private readonly MemoryStream _batch = new(64 * 1024);

    public ResultsJournal(string resultsDir)
    {
        Directory.CreateDirectory(resultsDir);
        PathName = Path.Combine(resultsDir, FileName);
        _file = new FileStream(PathName, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        DropTornTail(_file);
        _file.Seek(0, SeekOrigin.End);
        _writer = new Utf8JsonWriter(_batch, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>
    /// A crash mid-write leaves a partial last line; appending after it would glue the next record onto it and make
    /// that record (and, for <see cref="ReadAll"/>, everything after it) unreadable. The partial line was never a
    /// complete record, so it is cut off before appending.
    /// </summary>
    private static void DropTornTail(FileStream file)
    {
        var end = file.Length;
        if (end == 0) return;
        Span<byte> chunk = stackalloc byte[4096];
        var pos = end;
        while (pos > 0)
        {
            var n = (int)Math.Min(chunk.Length, pos);
            file.Seek(pos - n, SeekOrigin.Begin);
            file.ReadExactly(chunk[..n]);
            var i = chunk[..n].LastIndexOf((byte)'\n');
            if (i >= 0)
            {
                var keep = pos - n + i + 1;
                if (keep != end) file.SetLength(keep);
                return;
            }
            pos -= n;
        }
        file.SetLength(0);
    }

    public string PathName { get; }
    public long Count { get; private set; }

    /// <summary>Buffers one record; it reaches the file at the next <see cref="Flush"/>.</summary>
    public void Append(OpResult r)
    {
        _writer.Reset(_batch);
        _writer.WriteStartObject();
        _writer.WriteString(POpId, r.OpId);
        _writer.WriteString(PClientId, r.ClientId);
        _writer.WriteString(PType, r.Type);
        _writer.WriteNumber(PDueUs, r.DueUs);
        _writer.WriteNumber(PIssuedUs, r.IssuedUs);
        _writer.WriteNumber(PCompletedUs, r.CompletedUs);
        _writer.WriteNumber(PLatencyUs, r.LatencyUs);
        _writer.WriteNumber(PLatenessUs, r.LatenessUs);
        _writer.WriteString(PStatus, r.Status);
        _writer.WriteNumber(PBytes, r.Bytes);
        if (r.ExpectedStatus != null) _writer.WriteString(PExpectedStatus, r.ExpectedStatus);
        if (r.Path != null) _writer.WriteString(PPath, r.Path);
        if (r.Error != null) _writer.WriteString(PError, r.Error);
        if (r.Node != null) _writer.WriteString(PNode, r.Node);
        _writer.WriteEndObject();
        _writer.Flush();
        _batch.WriteByte((byte)'\n');
        Count++;
    }

    /// <summary>Writes the buffered lines in one write and hands them to the OS.</summary>
    public void Flush()
    {
        if (_batch.Length == 0) return;
        _file.Write(_batch.GetBuffer(), 0, (int)_batch.Length);
        _file.Flush(flushToDisk: false);
        _batch.SetLength(0);
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Flush();
        _writer.Dispose();
        _file.Dispose();
    }

    /// <summary>Reads a journal back (tests, reports); a torn last line (a crash mid-write) is skipped.</summary>
    public static IEnumerable<JsonElement> ReadAll(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(line); }
            catch (JsonException) { yield break; }
            using (doc) yield return doc.RootElement.Clone();
        }
    }
}
