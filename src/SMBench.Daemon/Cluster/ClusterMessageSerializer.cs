using System.Buffers.Binary;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using static SMBench.Daemon.Cluster.ClusterRunProtocol;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// The serializer for every <see cref="IClusterMessage"/>: a short, stable manifest per type (renaming a class does
/// not break a mixed-version cluster) and System.Text.Json bodies, except workload chunks, which are a compact binary
/// frame so bundle bytes are not inflated by base64.
/// </summary>
public sealed class ClusterMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 1780;

    private static readonly JsonSerializerOptions Json = new() { IncludeFields = false };

    private static readonly Dictionary<Type, string> Manifests = new()
    {
        [typeof(SubmitRun)] = "submit",
        [typeof(RunAccepted)] = "accepted",
        [typeof(RunRefused)] = "refused",
        [typeof(GetRun)] = "get",
        [typeof(RunView)] = "view",
        [typeof(RunUnknown)] = "unknown",
        [typeof(ListRuns)] = "list",
        [typeof(RunList)] = "runs",
        [typeof(StopRun)] = "stop",
        [typeof(RegisterNode)] = "register",
        [typeof(PrepareRun)] = "prepare",
        [typeof(NodeReady)] = "ready",
        [typeof(StartAt)] = "start-at",
        [typeof(NodeProgress)] = "progress",
        [typeof(NodeFinished)] = "finished",
        [typeof(AbortRun)] = "abort",
        [typeof(Replicate)] = "replicate",
        [typeof(GetReplicas)] = "get-replicas",
        [typeof(Replicas)] = "replicas",
        [typeof(FetchWorkload)] = "fetch",
        [typeof(WorkloadChunk)] = "chunk",
        [typeof(WorkloadUnavailable)] = "unavailable",
    };

    private static readonly Dictionary<string, Type> Types = Manifests.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public override int Identifier => Id;

    /// <summary>The message types this serializer knows (for tests and docs).</summary>
    public static IReadOnlyCollection<Type> KnownTypes => Manifests.Keys;

    public override string Manifest(object o)
        => Manifests.TryGetValue(o.GetType(), out var m)
            ? m
            : throw new SerializationException($"{o.GetType()} is not a cluster message this serializer knows");

    public override byte[] ToBinary(object obj)
        => obj is WorkloadChunk chunk ? WriteChunk(chunk) : JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Json);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!Types.TryGetValue(manifest, out var type))
            throw new SerializationException($"unknown cluster message manifest '{manifest}' (a node of another SMBench version?)");
        if (type == typeof(WorkloadChunk)) return ReadChunk(bytes);
        return JsonSerializer.Deserialize(bytes, type, Json)
               ?? throw new SerializationException($"empty body for cluster message '{manifest}'");
    }

    // chunk: offset i64 | total i64 | digest (u16 length + UTF-8) | sha (u16 length + UTF-8) | data (rest)
    private static byte[] WriteChunk(WorkloadChunk c)
    {
        var digest = Encoding.UTF8.GetBytes(c.Digest);
        var sha = Encoding.UTF8.GetBytes(c.BundleSha256);
        var buffer = new byte[16 + 2 + digest.Length + 2 + sha.Length + c.Data.Length];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span, c.Offset);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], c.TotalLength);
        var at = 16;
        at = WriteBytes(span, at, digest);
        at = WriteBytes(span, at, sha);
        c.Data.CopyTo(span[at..]);
        return buffer;
    }

    private static int WriteBytes(Span<byte> span, int at, byte[] bytes)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], checked((ushort)bytes.Length));
        bytes.CopyTo(span[(at + 2)..]);
        return at + 2 + bytes.Length;
    }

    private static WorkloadChunk ReadChunk(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.Length < 20) throw new SerializationException("workload chunk frame too short");
        var offset = BinaryPrimitives.ReadInt64LittleEndian(span);
        var total = BinaryPrimitives.ReadInt64LittleEndian(span[8..]);
        var at = 16;
        var digest = ReadString(span, ref at);
        var sha = ReadString(span, ref at);
        return new WorkloadChunk(digest, offset, total, sha, span[at..].ToArray());
    }

    private static string ReadString(ReadOnlySpan<byte> span, ref int at)
    {
        if (at + 2 > span.Length) throw new SerializationException("workload chunk frame cut short");
        var length = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
        if (at + 2 + length > span.Length) throw new SerializationException("workload chunk frame cut short");
        var text = Encoding.UTF8.GetString(span.Slice(at + 2, length));
        at += 2 + length;
        return text;
    }
}
