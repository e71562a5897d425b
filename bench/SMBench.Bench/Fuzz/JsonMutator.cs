using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SMBench.Bench.Fuzz;

/// <summary>
/// Structured mutations of JSON documents: a random node gets a hostile value (wrong type, extreme numbers,
/// traversal and device paths, control characters, huge strings), loses or gains a member, or an array element is
/// duplicated, dropped or moved. Keeps the document well-formed so the mutation reaches the reader's semantic
/// checks instead of stopping at the tokenizer (the byte-level mutator covers that side).
/// </summary>
public static class JsonMutator
{
    private static readonly string[] HostileStrings =
    [
        "", "..", "../../etc/passwd", "a/../../b", "/abs/path", "\\\\server\\share\\x", "C:\\Windows\\x", "c:x",
        "file.txt:stream:$DATA", "CON", "nul.txt", "aux", "COM1", "a\u0000b", "\u202Ename", "blobs/../workload.json",
        "blobs/", "blobs/..", "/", "\\", "open", "read", "write", "close", "rename", "delete", "mkdir", "lock", "ioctl",
        "set_info", "list", "stat", "flush", "unlock", "rmdir", "truncate", "read_write", "STATUS_SUCCESS", "0xC0000034",
        "0xFFFFFFFFFFFF", "STATUS_NOPE", "h1", "op_000001", "client_001", "NaN", "-1", "1e999",
        "smb://host/share", "smb://host:99999/s", "smb://[::1]:445/s", "smb://", "file:///", "file://host/x", "nfs://h/x",
        "null", "local", "smb", "mvp", "realistic", "full",
    ];

    private static readonly string[] HostileNumbers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "18446744073709551616", "1e308", "-1e308", "1.5", "0.0001", "1e-320",
    ];

    private static readonly string[] Keys =
    [
        "op_id", "client_id", "timestamp_us", "type", "path", "mode", "handle_ref", "offset", "length", "blob", "blob_path",
        "source_path", "dest_path", "expected", "status", "extensions", "smb_protocol", "access_mask", "share_mode",
        "disposition", "create_options", "requested_oplock", "create_contexts", "on_break", "version", "metadata",
        "clients", "operations", "operation_count", "duration_seconds", "client_count", "users", "default", "username",
        "password_env", "password", "domain", "target", "backend", "time_scale", "root", "user", "credentials", "run_id",
        "max_in_flight", "null_latency_ms",
    ];

    /// <summary>Mutates a whole JSON document; falls back to byte-level when the seed is not JSON.</summary>
    public static byte[] MutateDocument(byte[] seed, IReadOnlyList<byte[]> seeds, Random random)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(seed);
        }
        catch (JsonException)
        {
            return ByteMutator.Mutate(seed, seeds, random);
        }
        if (root == null) return ByteMutator.Mutate(seed, seeds, random);
        for (var n = random.Next(1, 4); n > 0; n--) root = MutateNode(root, random);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>Mutates one or a few lines of a JSON Lines document, and sometimes the line structure itself.</summary>
    public static byte[] MutateLines(byte[] seed, IReadOnlyList<byte[]> seeds, Random random)
    {
        var lines = Encoding.UTF8.GetString(seed).Split('\n').ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var i = random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.Insert(random.Next(lines.Count), lines[i]); break;
                case 2: lines[i] = lines[i][..random.Next(lines[i].Length + 1)]; break;
                case 3: lines.Insert(i, ""); break;
                default:
                    lines[i] = Encoding.UTF8.GetString(MutateDocument(Encoding.UTF8.GetBytes(lines[i]), seeds, random));
                    break;
            }
            if (lines.Count == 0) lines.Add("");
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static JsonNode MutateNode(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        switch (target)
        {
            case JsonObject obj when random.Next(3) == 0 && obj.Count > 0:
                obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                return root;
            case JsonObject obj when random.Next(2) == 0:
                obj[Keys[random.Next(Keys.Length)]] = HostileValue(random);
                return root;
            case JsonArray arr when arr.Count > 0 && random.Next(2) == 0:
                var i = random.Next(arr.Count);
                var copy = arr[i]?.DeepClone();
                if (random.Next(2) == 0) arr.RemoveAt(i);
                arr.Insert(random.Next(arr.Count + 1), copy);
                return root;
        }
        var replacement = HostileValue(random);
        if (target.Parent is JsonObject parent) parent[target.GetPropertyName()] = replacement;
        else if (target.Parent is JsonArray array) array[target.GetElementIndex()] = replacement;
        else return replacement ?? root;
        return root;
    }

    private static JsonNode? HostileValue(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => new JsonArray(HostileValue(random) is { } v && random.Next(2) == 0 ? v : null),
        3 => new JsonObject { [Keys[random.Next(Keys.Length)]] = random.Next(2) == 0 ? JsonValue.Create(HostileStrings[random.Next(HostileStrings.Length)]) : null },
        4 => JsonValue.Create(new string((char)random.Next(32, 0x3000), random.Next(1, 5000))),
        5 or 6 => JsonNode.Parse(HostileNumbers[random.Next(HostileNumbers.Length)]),
        _ => JsonValue.Create(HostileStrings[random.Next(HostileStrings.Length)]),
    };

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, v) in obj) if (v != null) Collect(v, into);
                break;
            case JsonArray arr:
                foreach (var v in arr) if (v != null) Collect(v, into);
                break;
        }
    }
}
