using System.Text.Json;
using SMBench.Core.Ir.Json;

namespace SMBench.Core.Ir;

/// <summary>
/// Opens a workload directory (or its <c>workload.json</c>/<c>workload.jsonl</c>) and streams its operations.
/// Memory stays flat in the number of operations: ops are parsed one at a time; only the top-level extensions map
/// of the JSON form is indexed up front.
/// </summary>
public sealed class WorkloadReader
{
    public const string JsonFileName = "workload.json";
    public const string JsonLinesFileName = "workload.jsonl";

    public string Directory { get; }
    public string FilePath { get; }
    public bool IsJsonLines { get; }
    public WorkloadHeader Header { get; }
    private readonly Dictionary<string, SmbOpExtensions>? _extensions;

    private WorkloadReader(string dir, string file, bool jsonl, WorkloadHeader header, Dictionary<string, SmbOpExtensions>? ext)
    {
        Directory = dir;
        FilePath = file;
        IsJsonLines = jsonl;
        Header = header;
        _extensions = ext;
    }

    /// <summary>Reads the header (and the JSON form's extensions index); throws <see cref="WorkloadException"/>.</summary>
    public static WorkloadReader Open(string path)
    {
        string dir, file;
        if (System.IO.Directory.Exists(path))
        {
            dir = Path.GetFullPath(path);
            file = Path.Combine(dir, JsonLinesFileName);
            if (!File.Exists(file)) file = Path.Combine(dir, JsonFileName);
            if (!File.Exists(file))
                throw new WorkloadException(path, 0, null, $"no {JsonFileName} or {JsonLinesFileName} in this directory");
        }
        else if (File.Exists(path))
        {
            file = Path.GetFullPath(path);
            dir = Path.GetDirectoryName(file)!;
        }
        else throw new WorkloadException(path, 0, null, "no such workload file or directory");

        var jsonl = file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        return jsonl ? OpenJsonLines(dir, file) : OpenJson(dir, file);
    }

    private static WorkloadReader OpenJsonLines(string dir, string file)
    {
        using var scanner = new JsonValueScanner(File.OpenRead(file), file);
        foreach (var first in scanner.ScanLines())
        {
            using var doc = Parse(first, file);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v))
                throw new WorkloadException(file, first.Line, null, "line 1 must be the header object with 'version'");
            return new WorkloadReader(dir, file, true, ReadHeader(root, file, first.Line), null);
        }
        throw new WorkloadException(file, 1, null, "the file is empty");
    }

    private static WorkloadReader OpenJson(string dir, string file)
    {
        int? version = null;
        WorkloadMetadata metadata = new();
        IReadOnlyList<ClientInfo> clients = [];
        Dictionary<string, SmbOpExtensions>? ext = null;
        var interned = new Dictionary<SmbOpExtensions, SmbOpExtensions>();
        using var scanner = new JsonValueScanner(File.OpenRead(file), file);
        foreach (var member in scanner.ScanObject("operations", captureArrayElements: false, streamExtensions: true))
        {
            if (member.IsOperation) continue;
            if (member.IsExtension)
            {
                (ext ??= new(StringComparer.Ordinal))[member.Key!] = ReadExtensionsEntry(member, file, interned);
                continue;
            }
            using var doc = Parse(member, file);
            var e = doc.RootElement;
            switch (member.Key)
            {
                case "version": version = HeaderJson.ReadVersion(e, file, member.Line); break;
                case "metadata": metadata = HeaderJson.ReadMetadata(e, file, member.Line); break;
                case "clients": clients = HeaderJson.ReadClients(e, file, member.Line); break;
            }
        }
        if (version == null) throw new WorkloadException(file, 1, null, "missing field 'version'");
        // Without this a misspelt "operations" read as a valid, empty workload.
        if (!scanner.SawArray) throw new WorkloadException(file, 1, null, "missing field 'operations'");
        return new WorkloadReader(dir, file, false, new WorkloadHeader { Version = version.Value, Metadata = metadata, Clients = clients }, ext);
    }

    private static WorkloadHeader ReadHeader(JsonElement root, string file, long line) => new()
    {
        Version = HeaderJson.ReadVersion(root.GetProperty("version"), file, line),
        Metadata = root.TryGetProperty("metadata", out var m) ? HeaderJson.ReadMetadata(m, file, line) : new(),
        Clients = root.TryGetProperty("clients", out var c) ? HeaderJson.ReadClients(c, file, line) : [],
    };

    // The map is read entry by entry (it can be as long as the workload) and identical entries share one instance:
    // captures repeat a handful of access/share/disposition combinations across all their opens.
    private static SmbOpExtensions ReadExtensionsEntry(ScannedValue entry, string file,
        Dictionary<SmbOpExtensions, SmbOpExtensions> interned)
    {
        using var doc = Parse(entry, file);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            throw new WorkloadException(file, entry.Line, entry.Key, "its extensions entry must be an object");
        var ext = OperationJson.ReadSmbExtensions(doc.RootElement, file, entry.Line, entry.Key!);
        // Lists and extra fields compare by reference, so only plain entries can be shared.
        if (ext.OnBreak != null || ext.Extra != null) return ext;
        if (interned.TryGetValue(ext, out var same)) return same;
        interned[ext] = ext;
        return ext;
    }

    /// <summary>Streams the operations in file order. Each call re-reads the file.</summary>
    public IEnumerable<IrOperation> ReadOperations()
    {
        using var scanner = new JsonValueScanner(File.OpenRead(FilePath), FilePath);
        Func<string, SmbOpExtensions?>? lookup = _extensions == null ? null : id => _extensions.GetValueOrDefault(id);
        var values = IsJsonLines ? scanner.ScanLines().Skip(1) : scanner.ScanObject("operations", captureArrayElements: true, captureOtherMembers: false);
        foreach (var value in values)
        {
            if (!value.IsOperation) continue;
            EnsureUtf8(value, FilePath);
            var fast = OperationJsonFast.TryRead(value.Bytes.Span, value.Line, lookup);
            if (fast != null)
            {
                yield return fast;
                continue;
            }
            using var doc = Parse(value, FilePath);
            yield return OperationJson.Read(doc.RootElement, FilePath, value.Line, lookup);
        }
    }

    private static JsonDocument Parse(ScannedValue value, string file)
    {
        EnsureUtf8(value, file);
        try
        {
            return JsonDocument.Parse(value.Bytes);
        }
        catch (JsonException e)
        {
            throw new WorkloadException(file, value.Line + (e.LineNumber ?? 0), null, $"invalid JSON: {FirstSentence(e.Message)}", e);
        }
    }

    // System.Text.Json checks UTF-8 only when a string is decoded, and then throws InvalidOperationException from
    // deep inside a field reader; checking each value up front (vectorized, cheap) gives one clear error instead.
    private static void EnsureUtf8(ScannedValue value, string file)
    {
        var bytes = value.Bytes.Span;
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return;
        var line = value.Line;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done) break;
            if (bytes[i] == (byte)'\n') line++;
            i += consumed - 1;
        }
        throw new WorkloadException(file, line, null, "invalid UTF-8 in the JSON text; the file must be UTF-8 encoded");
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}
