using System.IO.Hashing;
using System.Text;
using SMBench.Core.Blobs;

namespace SMBench.Core.Ir.Validation;

/// <summary>
/// Checks a whole workload in one streaming pass: the failures of design.md §2 (unknown version/type, missing
/// fields, dangling or reused handle_ref, per-client time going backwards, traversal, bad blobs, truncated JSON),
/// each reported with file:line and op id. Memory grows only with clients, open handles and op count × 8 bytes.
/// </summary>
public sealed class WorkloadValidator
{
    public int MaxErrors { get; init; } = 50;

    public ValidationReport Validate(string workloadPath)
    {
        var errors = new List<WorkloadException>();
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var clients = new Dictionary<string, ClientState>(StringComparer.Ordinal);
        var opIds = new HashSet<ulong>();
        var blobSizes = new Dictionary<string, (string? Error, long Size)>(StringComparer.Ordinal);
        long total = 0, maxTs = 0, withSmb = 0, withExpected = 0, breakAnswers = 0;
        WorkloadReader? reader = null;
        try
        {
            reader = WorkloadReader.Open(workloadPath);
            var blobs = new BlobStore(reader.Directory);
            var declared = reader.Header.Clients.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
            foreach (var op in reader.ReadOperations())
            {
                total++;
                byType[op.Type] = byType.GetValueOrDefault(op.Type) + 1;
                maxTs = Math.Max(maxTs, op.TimestampUs);
                if (op.Smb != null) withSmb++;
                if (op.Expected?.Status != null) withExpected++;
                breakAnswers += op.Smb?.OnBreak?.Count ?? 0;
                void Fail(string reason)
                {
                    if (errors.Count < MaxErrors) errors.Add(new WorkloadException(reader.FilePath, op.SourceLine, op.OpId, reason));
                }
                if (!opIds.Add(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(op.OpId)))) Fail("op_id is used twice");
                if (declared.Count > 0 && !declared.Contains(op.ClientId)) Fail($"client '{op.ClientId}' is not in 'clients'");
                if (!clients.TryGetValue(op.ClientId, out var client)) clients[op.ClientId] = client = new ClientState();
                client.Ops++;
                CheckOp(op, client, blobs, blobSizes, Fail);
                if (errors.Count >= MaxErrors) break;
            }
        }
        catch (WorkloadException e)
        {
            errors.Add(e);
        }
        var clientIds = reader?.Header.Clients.Count > 0 ? reader.Header.Clients.Select(c => c.ClientId).ToList() : clients.Keys.ToList();
        return new ValidationReport(reader?.FilePath ?? workloadPath, total, clients.Count, maxTs / 1e6, byType, errors)
        {
            ClientIds = clientIds,
            PerClient = clientIds.Select(id => clients.TryGetValue(id, out var c) ? new ClientOpCount(id, c.Ops, c.Open.Count) : new ClientOpCount(id, 0, 0))
                .ToList(),
            OpsWithSmbExtensions = withSmb,
            OpsWithExpectedStatus = withExpected,
            BreakAnswersRecorded = breakAnswers,
        };
    }

    private static void CheckOp(IrOperation op, ClientState client, BlobStore blobs, Dictionary<string, (string? Error, long Size)> blobSizes,
        Action<string> fail)
    {
        if (op.TimestampUs < client.LastTimestamp)
            fail($"timestamp_us {op.TimestampUs} goes back in time for client {op.ClientId} (previous {client.LastTimestamp})");
        client.LastTimestamp = Math.Max(client.LastTimestamp, op.TimestampUs);

        foreach (var path in op.Paths)
            if (SharePath.TryNormalize(path, out var error) == null) fail(error!);

        switch (op)
        {
            case OpenOp open:
                if (!client.Used.Add(open.Handle)) fail($"handle_ref '{open.Handle}' is reused (opened before)");
                else client.Open.Add(open.Handle);
                break;
            case CloseOp close:
                if (!client.Open.Remove(close.Handle)) fail(Dangling(close.Handle, client));
                break;
            default:
                if (op.HandleRef is { } h && !client.Open.Contains(h)) fail(Dangling(h, client));
                break;
        }

        if (op is WriteOp { Blob: { } blob } write)
        {
            // Keyed by the reference as written: captures reuse a few blobs for many writes, and resolving one costs
            // a readlink per path component.
            if (!blobSizes.TryGetValue(blob, out var known))
            {
                var full = blobs.TryResolve(blob, out var error);
                blobSizes[blob] = known = full == null ? (error, -1) : (null, File.Exists(full) ? new FileInfo(full).Length : -1);
            }
            if (known.Error != null) { fail(known.Error); return; }
            var size = known.Size;
            if (size < 0) fail($"blob '{blob}' does not exist");
            else if (size < write.Length) fail($"blob '{blob}' has {size} bytes, shorter than length {write.Length}");
        }
    }

    private static string Dangling(string handle, ClientState client) => client.Used.Contains(handle)
        ? $"handle_ref '{handle}' is used after its close"
        : $"handle_ref '{handle}' is used before any open defines it (dangling)";

    private sealed class ClientState
    {
        public long LastTimestamp;
        public long Ops;
        public readonly HashSet<string> Open = new(StringComparer.Ordinal);
        public readonly HashSet<string> Used = new(StringComparer.Ordinal);
    }
}

public sealed record ValidationReport(
    string File,
    long OpsTotal,
    int Clients,
    double DurationSeconds,
    IReadOnlyDictionary<string, long> ByType,
    IReadOnlyList<WorkloadException> Errors)
{
    public bool IsValid => Errors.Count == 0;
    /// <summary>Client ids in header order (or first-seen order when the header lists none).</summary>
    public IReadOnlyList<string> ClientIds { get; init; } = [];
    public long OpsWithSmbExtensions { get; init; }
    public long OpsWithExpectedStatus { get; init; }
    /// <summary>How the captured clients answered breaks (on_break entries): the breaks a full replay should see.</summary>
    public long BreakAnswersRecorded { get; init; }
    /// <summary>Each client's ops and the handles it never closes, in <see cref="ClientIds"/> order.</summary>
    public IReadOnlyList<ClientOpCount> PerClient { get; init; } = [];

    /// <summary>Opens the workload never closes (a capture cut short); a looped replay closes them at each pass end.</summary>
    public long HandlesLeftOpen => PerClient.Sum(c => (long)c.HandlesLeftOpen);

    /// <summary>Ops a replay of <paramref name="passes"/> passes issues: each looped pass adds the closes of its leftover handles.</summary>
    public long OpsIssued(int passes) => new ClientOpCount("", OpsTotal, (int)HandlesLeftOpen).Issued(passes);
}

/// <summary>One client's share of a workload: its ops, and the opens it never closes.</summary>
public sealed record ClientOpCount(string ClientId, long Ops, int HandlesLeftOpen)
{
    /// <summary>Ops of <paramref name="passes"/> passes: each looped pass adds a close per handle left open.</summary>
    public long Issued(int passes) => passes <= 1 ? Ops : (Ops + HandlesLeftOpen) * passes;
}
