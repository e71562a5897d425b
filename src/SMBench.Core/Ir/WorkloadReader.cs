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
        using var scanner = new JsonValueScanner(File.OpenRead(file), file);
        foreach (var member in scanner.ScanObject("operations", captureArrayElements: false))
        {
            if (member.IsOperation) continue;
            using var doc = Parse(member, file);
            var e = doc.RootElement;
            switch (member.Key)
            {
                case "version": version = HeaderJson.ReadVersion(e, file, member.Line); break;
                case "metadata": metadata = HeaderJson.ReadMetadata(e, file, member.Line); break;
                case "clients": clients = HeaderJson.ReadClients(e, file, member.Line); break;
                case "extensions": ext = ReadExtensionsIndex(e, file, member.Line); break;
            }
        }
        if (version == null) throw new WorkloadException(file, 1, null, "missing field 'version'");
        return new WorkloadReader(dir, file, false, new WorkloadHeader { Version = version.Value, Metadata = metadata, Clients = clients }, ext);
    }

    private static WorkloadHeader ReadHeader(JsonElement root, string file, long line) => new()
    {
        Version = HeaderJson.ReadVersion(root.GetProperty("version"), file, line),
        Metadata = root.TryGetProperty("metadata", out var m) ? HeaderJson.ReadMetadata(m, file, line) : new(),
        Clients = root.TryGetProperty("clients", out var c) ? HeaderJson.ReadClients(c, file, line) : [],
    };

    private static Dictionary<string, SmbOpExtensions>? ReadExtensionsIndex(JsonElement e, string file, long line)
    {
        if (!e.TryGetProperty("smb_protocol", out var smb) || !smb.TryGetProperty("operations", out var ops)) return null;
        if (ops.ValueKind != JsonValueKind.Object)
            throw new WorkloadException(file, line, null, "extensions.smb_protocol.operations must be an object keyed by op_id");
        var index = new Dictionary<string, SmbOpExtensions>(StringComparer.Ordinal);
        foreach (var p in ops.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Object)
                throw new WorkloadException(file, line, p.Name, "its extensions entry must be an object");
            index[p.Name] = OperationJson.ReadSmbExtensions(p.Value, file, line, p.Name);
        }
        return index;
    }

    /// <summary>Streams the operations in file order. Each call re-reads the file.</summary>
    public IEnumerable<IrOperation> ReadOperations()
    {
        using var scanner = new JsonValueScanner(File.OpenRead(FilePath), FilePath);
        Func<string, SmbOpExtensions?>? lookup = _extensions == null ? null : id => _extensions.GetValueOrDefault(id);
        var values = IsJsonLines ? scanner.ScanLines().Skip(1) : scanner.ScanObject("operations", captureArrayElements: true);
        foreach (var value in values)
        {
            if (!value.IsOperation) continue;
            using var doc = Parse(value, FilePath);
            yield return OperationJson.Read(doc.RootElement, FilePath, value.Line, lookup);
        }
    }

    private static JsonDocument Parse(ScannedValue value, string file)
    {
        try
        {
            return JsonDocument.Parse(value.Bytes);
        }
        catch (JsonException e)
        {
            throw new WorkloadException(file, value.Line + (e.LineNumber ?? 0), null, $"invalid JSON: {FirstSentence(e.Message)}", e);
        }
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}
