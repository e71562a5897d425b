using SMBench.Core.Blobs;
using SMBench.Core.Ir;

namespace SMBench.Compiler.Mapping;

/// <summary>
/// State shared by every connection of one compile: the op sequencer and writer, clients, pre-state, blobs,
/// counters. Connections hold only their own protocol state; everything here is bounded by clients, paths and
/// requests in flight, never by the number of operations.
/// </summary>
public sealed class CompileSession
{
    private readonly WorkloadWriter _writer;
    private readonly Dictionary<string, long> _lastTimestampByClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _opsPerClient = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _responses = new(StringComparer.Ordinal);
    private long _nextOp;
    private long _nextHandle;

    public CompileSession(CompileOptions options, WorkloadWriter writer, Anonymizer? anonymizer)
    {
        Options = options;
        _writer = writer;
        Anonymizer = anonymizer;
        Clients = new ClientRegistry(options.ClientBy, anonymizer);
        Blobs = options.Payload == PayloadMode.Keep ? new BlobStore(options.OutputDirectory) : null;
        Sequencer = new OperationSequencer(Emit, slot => Skips.Add($"{slot.Command}: no response in the capture"));
    }

    public CompileOptions Options { get; }
    public Anonymizer? Anonymizer { get; }
    public ClientRegistry Clients { get; }
    public BlobStore? Blobs { get; }
    public OperationSequencer Sequencer { get; }
    public SkipCounter Skips { get; } = new();
    public PrestateTracker Prestate { get; } = new();
    public Smb.SmbNamespaceState Smb { get; } = new();

    /// <summary>Captured clients' replies to breaks, by handle_ref, patched into the opens after the first pass.</summary>
    public Dictionary<string, List<BreakResponse>> BreakResponses { get; } = new(StringComparer.Ordinal);

    /// <summary>Capture time of the first frame; IR timestamps count from here.</summary>
    public long? BaseTimestampUs { get; set; }
    public long LastTimestampUs { get; set; }
    public long Sessions { get; set; }
    public long SmbConnections { get; set; }
    public long EncryptedConnections { get; set; }
    public long DecryptedConnections { get; set; }
    public long DecryptedMessages { get; set; }

    /// <summary>Keys from --session-key; null when none were given.</summary>
    public Smb.Decryption.SessionKeyTable? SessionKeys { get; init; }
    public long Breaks { get; set; }
    public long BreakAcks { get; set; }
    public long OperationsWritten => _nextOp;
    public IReadOnlyDictionary<string, long> ByType => _byType;
    public IReadOnlyDictionary<string, long> OpsPerClient => _opsPerClient;
    public IReadOnlyDictionary<string, long> RequestsByCommand => _requests;
    public IReadOnlyDictionary<string, long> ResponsesByCommand => _responses;
    public List<string> Warnings { get; } = [];

    public string NextHandleRef() => $"h{++_nextHandle}";

    public long RelativeTimestamp(long captureUs) => Math.Max(0, captureUs - (BaseTimestampUs ?? captureUs));

    public void CountRequest(string command) => Increment(_requests, command);

    public void CountResponse(string command) => Increment(_responses, command);

    /// <summary>Path as it goes into the IR (anonymized when asked).</summary>
    public string IrPath(string path) => Anonymizer?.Path(path) ?? path;

    /// <summary>
    /// A listing pattern as it goes into the IR: an exact name is anonymized like a path component; a wildcard
    /// pattern is kept, because a pseudonym could no longer match anything.
    /// </summary>
    public string IrPattern(string pattern)
        => Anonymizer == null || pattern.IndexOfAny(['*', '?', '<', '>', '"']) >= 0 ? pattern : Anonymizer.Path(pattern);

    private void Emit(IrOperation op)
    {
        // Requests of one client on different connections may interleave slightly out of capture order; the IR
        // needs each client's timestamps non-decreasing, so a late one is held at its predecessor's time.
        _lastTimestampByClient.TryGetValue(op.ClientId, out var last);
        var ts = Math.Max(op.TimestampUs, last);
        _lastTimestampByClient[op.ClientId] = ts;
        op = op with { OpId = $"op_{++_nextOp:D6}", TimestampUs = ts };
        _writer.Write(op);
        Increment(_byType, op.Type);
        _opsPerClient.TryGetValue(op.ClientId, out var n);
        _opsPerClient[op.ClientId] = n + 1;
    }

    private static void Increment(SortedDictionary<string, long> counts, string key)
    {
        counts.TryGetValue(key, out var n);
        counts[key] = n + 1;
    }
}
