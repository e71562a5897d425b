using System.Buffers;
using System.Text.Json;
using SMBench.Core.Ir.Json;

namespace SMBench.Core.Ir;

/// <summary>
/// Writes a workload directory. Operations are streamed to a temporary file as they come; <see cref="Complete"/>
/// then writes the final <c>workload.jsonl</c> (header line first) or <c>workload.json</c> (the seed's document,
/// extensions in the top-level map), with clients and duration derived from what was written.
/// </summary>
public sealed class WorkloadWriter : IDisposable
{
    private readonly string _dir;
    private readonly bool _jsonLines;
    private readonly string _opsTemp;
    private readonly FileStream _opsStream;
    private readonly ArrayBufferWriter<byte> _opBuffer = new(1024);
    private readonly Utf8JsonWriter _ops;
    private readonly Dictionary<string, long> _opsPerClient = new(StringComparer.Ordinal);
    private readonly List<string> _clientOrder = [];
    private long _lastTimestamp;
    private bool _first = true;

    public WorkloadWriter(string workloadDir, bool jsonLines = true)
    {
        _dir = Path.GetFullPath(workloadDir);
        _jsonLines = jsonLines;
        System.IO.Directory.CreateDirectory(_dir);
        _opsTemp = Path.Combine(_dir, ".operations.tmp");
        _opsStream = new FileStream(_opsTemp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _ops = new Utf8JsonWriter(_opBuffer, new JsonWriterOptions { SkipValidation = true });
    }

    public string Directory => _dir;
    public long OperationCount { get; private set; }

    public void Write(IrOperation op)
    {
        // Each op is rendered on its own (Reset) into a buffer: a writer that goes on after a finished root value
        // puts a ',' in front of the next one, which broke every JSON Lines line after the first and doubled the
        // separators of the JSON form.
        _opBuffer.ResetWrittenCount();
        _ops.Reset(_opBuffer);
        OperationJson.Write(_ops, op, inlineExtensions: _jsonLines);
        _ops.Flush();
        // One op per line in the JSON form too: errors are reported as file:line, and a large (unindented) file
        // used to be a single line, so every error of a big workload pointed at line 1.
        if (!_jsonLines) _opsStream.Write(_first ? "\n"u8 : ",\n"u8);
        _opsStream.Write(_opBuffer.WrittenSpan);
        if (_jsonLines) _opsStream.WriteByte((byte)'\n');
        _first = false;
        OperationCount++;
        if (!_opsPerClient.TryGetValue(op.ClientId, out var n)) _clientOrder.Add(op.ClientId);
        _opsPerClient[op.ClientId] = n + 1;
        _lastTimestamp = Math.Max(_lastTimestamp, op.TimestampUs);
        if (!_jsonLines && op.Smb != null) _extensions.Add((op.OpId, op.Smb));
    }

    // Only the JSON form needs these at the end; JSON Lines keeps them inline.
    private readonly List<(string OpId, SmbOpExtensions Ext)> _extensions = [];

    /// <summary>Writes the final file and returns its path. Metadata fields not given are derived.</summary>
    public string Complete(WorkloadMetadata? metadata = null, IReadOnlyList<ClientInfo>? clients = null)
    {
        _opsStream.Flush();
        var header = new WorkloadHeader
        {
            Metadata = (metadata ?? new WorkloadMetadata()) with
            {
                DurationSeconds = metadata?.DurationSeconds > 0 ? metadata.DurationSeconds : _lastTimestamp / 1e6,
                ClientCount = clients?.Count ?? _clientOrder.Count,
            },
            Clients = clients ?? _clientOrder.Select(c => new ClientInfo { ClientId = c, OperationCount = _opsPerClient[c] }).ToList(),
        };
        var final = Path.Combine(_dir, _jsonLines ? WorkloadReader.JsonLinesFileName : WorkloadReader.JsonFileName);
        using (var output = new FileStream(final + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = !_jsonLines && OperationCount < 1000 });
            w.WriteStartObject();
            HeaderJson.WriteMembers(w, header);
            if (_jsonLines)
            {
                w.WriteEndObject();
                w.Flush();
                output.WriteByte((byte)'\n');
                CopyOps(output);
            }
            else
            {
                w.WritePropertyName("operations");
                w.WriteStartArray();
                w.Flush();
                CopyOps(output);
                if (!_first) output.WriteByte((byte)'\n');
                w.WriteEndArray();
                WriteExtensions(w);
                w.WriteEndObject();
                w.Flush();
                output.WriteByte((byte)'\n');
            }
            w.Flush();
        }
        File.Move(final + ".tmp", final, overwrite: true);
        var other = Path.Combine(_dir, _jsonLines ? WorkloadReader.JsonFileName : WorkloadReader.JsonLinesFileName);
        if (File.Exists(other)) File.Delete(other);
        return final;
    }

    private void CopyOps(Stream output)
    {
        _opsStream.Position = 0;
        _opsStream.CopyTo(output);
    }

    private void WriteExtensions(Utf8JsonWriter w)
    {
        if (_extensions.Count == 0) return;
        w.WriteStartObject("extensions");
        w.WriteStartObject("smb_protocol");
        w.WriteStartObject("operations");
        foreach (var (id, ext) in _extensions)
        {
            w.WritePropertyName(id);
            SmbExtensionsJson.Write(w, ext);
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public void Dispose()
    {
        _ops.Dispose();
        _opsStream.Dispose();
        if (File.Exists(_opsTemp)) File.Delete(_opsTemp);
    }
}
