using System.Text.Json;

namespace SMBench.Core.Ir;

/// <summary>
/// The <c>extensions.smb_protocol</c> fields of one op (Mode 1 and 2). Numbers are kept as the raw wire values
/// (names in JSON are translated on read); anything this version does not model is kept in <see cref="Extra"/> so
/// a read-write round trip loses nothing.
/// </summary>
public sealed record SmbOpExtensions
{
    public uint? AccessMask { get; init; }
    public uint? ShareAccess { get; init; }
    public uint? Disposition { get; init; }
    public uint? CreateOptions { get; init; }
    public uint? FileAttributes { get; init; }
    /// <summary>RequestedOplockLevel: 0 none, 1 LEVEL_II, 8 EXCLUSIVE, 9 BATCH, 0xFF lease.</summary>
    public byte? RequestedOplock { get; init; }
    public LeaseRequest? Lease { get; init; }
    public DurableRequest? Durable { get; init; }
    /// <summary>What the captured client did when the server broke this open, in order.</summary>
    public IReadOnlyList<BreakResponse>? OnBreak { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
}

/// <param name="Key">16-byte lease key, hex.</param>
/// <param name="State">Requested caching, letters of "RWH".</param>
public sealed record LeaseRequest(string Key, string State, int Version = 2, string? ParentKey = null, int Epoch = 0);

/// <param name="Version">1 (DHnQ) or 2 (DH2Q).</param>
public sealed record DurableRequest(int Version, uint TimeoutMs = 0, bool Persistent = false, string? CreateGuid = null);

/// <param name="Action">"ack" (to <paramref name="Level"/>) or "close".</param>
/// <param name="Level">Oplock level ("none", "level_ii") or lease state letters the client acked to.</param>
public sealed record BreakResponse(string Action, string? Level = null);
