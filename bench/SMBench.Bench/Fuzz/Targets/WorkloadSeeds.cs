using System.Text;
using System.Text.Json.Nodes;
using SMBench.Compiler;
using SMBench.Core.Ir;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// Valid workloads to mutate: the repository's seed example and the first operations of workloads compiled from the
/// shared corpus (so extensions, expectations and break answers are in the mix), in both file forms. Blobs go
/// into the fuzz directory so blob checks run against real files.
/// </summary>
internal static class WorkloadSeeds
{
    private const int MaxOpsPerSeed = 60;

    /// <summary>JSON Lines documents (header line + op lines).</summary>
    public static List<byte[]> JsonLines(string fuzzDir)
    {
        var seeds = new List<byte[]>();
        var blobs = Path.Combine(fuzzDir, "blobs");
        Directory.CreateDirectory(blobs);
        var sample = Path.Combine(FuzzCorpus.RepoRoot(), "samples", "seed-example");
        foreach (var blob in Directory.GetFiles(Path.Combine(sample, "blobs"))) File.Copy(blob, Path.Combine(blobs, Path.GetFileName(blob)), true);
        seeds.Add(ToJsonLines(JsonNode.Parse(File.ReadAllBytes(Path.Combine(sample, WorkloadReader.JsonFileName)))!));

        foreach (var capture in FuzzCorpus.CaptureFiles().Where(f => new FileInfo(f).Length < 300_000))
        {
            var outDir = Directory.CreateTempSubdirectory("smbench-fuzz-seed-").FullName;
            try
            {
                CaptureCompiler.Compile(new CompileOptions { InputPath = capture, OutputDirectory = outDir, Payload = PayloadMode.Keep }, null, CancellationToken.None);
                var file = Path.Combine(outDir, WorkloadReader.JsonLinesFileName);
                if (!File.Exists(file)) continue;
                var lines = File.ReadLines(file).Take(MaxOpsPerSeed + 1).ToList();
                if (lines.Count < 2) continue;
                seeds.Add(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
                if (Directory.Exists(Path.Combine(outDir, "blobs")))
                    foreach (var blob in Directory.GetFiles(Path.Combine(outDir, "blobs")).Take(200))
                        File.Copy(blob, Path.Combine(blobs, Path.GetFileName(blob)), true);
            }
            catch (CompileFailedException)
            {
                // A corpus file the compiler rejects gives no seed.
            }
            finally
            {
                Directory.Delete(outDir, true);
            }
        }
        return seeds;
    }

    /// <summary>The same workloads as workload.json, half with extensions inline, half in the top-level map.</summary>
    public static List<byte[]> Json(string fuzzDir)
    {
        var seeds = new List<byte[]>();
        var i = 0;
        foreach (var jsonl in JsonLines(fuzzDir))
        {
            var lines = Encoding.UTF8.GetString(jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var doc = JsonNode.Parse(lines[0])!.AsObject();
            var ops = new JsonArray();
            var map = new JsonObject();
            foreach (var line in lines.Skip(1))
            {
                var op = JsonNode.Parse(line)!.AsObject();
                if (i % 2 == 1 && op["extensions"] is JsonObject ext && op["op_id"]?.GetValue<string>() is { } id)
                {
                    op.Remove("extensions");
                    map[id] = ext["smb_protocol"]?.DeepClone() ?? ext.DeepClone();
                }
                ops.Add(op);
            }
            doc["operations"] = ops;
            if (map.Count > 0) doc["extensions"] = new JsonObject { ["smb_protocol"] = new JsonObject { ["operations"] = map } };
            seeds.Add(Encoding.UTF8.GetBytes(doc.ToJsonString()));
            i++;
        }
        return seeds;
    }

    private static byte[] ToJsonLines(JsonNode workload)
    {
        var doc = workload.AsObject();
        var ops = doc["operations"]!.AsArray();
        doc.Remove("operations");
        doc.Remove("extensions");
        var sb = new StringBuilder(doc.ToJsonString()).Append('\n');
        foreach (var op in ops) sb.Append(op!.ToJsonString()).Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
