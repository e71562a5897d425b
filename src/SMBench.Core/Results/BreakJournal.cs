using System.Text.Json;

namespace SMBench.Core.Results;

/// <summary>One oplock or lease break the server sent during a replay, and how it was answered.</summary>
/// <param name="AtUs">Arrival on the run clock (µs from time zero).</param>
/// <param name="Action">"ack LevelII", "ack RH", "close", "none needed", or "failed".</param>
public sealed record BreakRecord(long AtUs, string ClientId, string Kind, string NewLevel, string Action, bool Sent,
    long AckLatencyUs, int Handles, string? Error = null);

/// <summary>
/// <c>results/breaks.jsonl</c>: one line per break, written when it has been answered. Breaks are rare next to ops
/// (at most a few per open), so each line is written and flushed under a lock; the file appears with the first one.
/// </summary>
public sealed class BreakJournal(string resultsDir) : IDisposable
{
    public const string FileName = "breaks.jsonl";
    private readonly object _lock = new();
    private FileStream? _file;
    private bool _disposed;

    public string PathName { get; } = Path.Combine(resultsDir, FileName);

    public void Append(BreakRecord r)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(r, RunSummary.JsonOptionsCompact);
        lock (_lock)
        {
            if (_disposed) return;
            _file ??= new FileStream(PathName, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
            _file.Write(line);
            _file.WriteByte((byte)'\n');
            _file.Flush(flushToDisk: false);
        }
    }

    public static IEnumerable<BreakRecord> ReadAll(string resultsDir)
    {
        var path = Path.Combine(resultsDir, FileName);
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadLines(path))
        {
            BreakRecord? r;
            try { r = JsonSerializer.Deserialize<BreakRecord>(line, RunSummary.JsonOptionsCompact); }
            catch (JsonException) { yield break; } // a torn last line after a crash
            if (r != null) yield return r;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _file?.Dispose();
        }
    }
}
