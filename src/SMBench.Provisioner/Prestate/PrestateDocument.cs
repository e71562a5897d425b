using System.Text.Json;
using System.Text.Json.Serialization;

namespace SMBench.Provisioner.Prestate;

/// <summary>
/// prestate.json, written by the compiler next to the workload: folders and files the workload uses without
/// creating them, with the sizes its reads need. Paths are share-relative ('/' or '\'), never absolute or escaping.
/// </summary>
public sealed class PrestateDocument
{
    public const string FileName = "prestate.json";

    [JsonPropertyName("version")]
    public int Version { get; set; } = 1;

    [JsonPropertyName("directories")]
    public List<PrestateDirectory> Directories { get; set; } = [];

    [JsonPropertyName("files")]
    public List<PrestateFile> Files { get; set; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task<PrestateDocument> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        PrestateDocument? document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonSerializer.DeserializeAsync<PrestateDocument>(stream, JsonOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {(e.LineNumber ?? 0) + 1}: not a valid prestate document ({e.Message})", e);
        }
        document ??= new PrestateDocument();
        document.Validate(path);
        return document;
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, JsonOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the entry for an unknown version, bad path or size.</summary>
    public void Validate(string source)
    {
        if (Version != 1) throw new InvalidDataException($"{source}: unknown prestate version {Version} (this build reads 1)");
        for (var i = 0; i < Directories.Count; i++)
            SharePath.Check(Directories[i].Path, $"{source}: directories[{i}]");
        for (var i = 0; i < Files.Count; i++)
        {
            SharePath.Check(Files[i].Path, $"{source}: files[{i}]");
            if (Files[i].Size < 0) throw new InvalidDataException($"{source}: files[{i}] ('{Files[i].Path}'): size {Files[i].Size} is negative");
        }
    }
}

public sealed class PrestateDirectory
{
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";
}

public sealed class PrestateFile
{
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    /// <summary>Bytes the file must hold (at least what the workload reads).</summary>
    [JsonPropertyName("size")]
    public long Size { get; set; }

    [JsonPropertyName("content")]
    public ContentKind Content { get; set; } = ContentKind.Zeros;
}
