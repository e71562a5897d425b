using System.Text.Json.Serialization;

namespace SMBench.Compiler;

/// <summary>
/// What a compile found and produced (`smbench compile --json` prints it; it is also written to
/// <c>compile-report.json</c> in the workload). Every SMB2 request met is either an operation (counted in
/// <see cref="ByType"/>) or counted in <see cref="Skipped"/> under a reason.
/// </summary>
public sealed record CompileReport
{
    [JsonPropertyName("input")] public string Input { get; init; } = "";
    [JsonPropertyName("workload")] public string Workload { get; init; } = "";
    [JsonPropertyName("format")] public string Format { get; init; } = "";
    [JsonPropertyName("frames")] public long Frames { get; init; }
    [JsonPropertyName("connections")] public long Connections { get; init; }
    [JsonPropertyName("smb_connections")] public long SmbConnections { get; init; }
    [JsonPropertyName("sessions")] public long Sessions { get; init; }
    [JsonPropertyName("clients")] public long Clients { get; init; }
    [JsonPropertyName("ops_total")] public long OpsTotal { get; init; }
    [JsonPropertyName("by_type")] public IReadOnlyDictionary<string, long> ByType { get; init; } = new Dictionary<string, long>();
    [JsonPropertyName("skipped")] public IReadOnlyDictionary<string, long> Skipped { get; init; } = new Dictionary<string, long>();
    [JsonPropertyName("requests_by_command")] public IReadOnlyDictionary<string, long> RequestsByCommand { get; init; } = new Dictionary<string, long>();
    [JsonPropertyName("responses_by_command")] public IReadOnlyDictionary<string, long> ResponsesByCommand { get; init; } = new Dictionary<string, long>();
    [JsonPropertyName("encrypted_connections")] public long EncryptedConnections { get; init; }
    [JsonPropertyName("decrypted_connections")] public long DecryptedConnections { get; init; }
    [JsonPropertyName("decrypted_messages")] public long DecryptedMessages { get; init; }
    [JsonPropertyName("tcp_gaps")] public long TcpGaps { get; init; }
    [JsonPropertyName("tcp_gap_bytes")] public long TcpGapBytes { get; init; }
    [JsonPropertyName("tcp_retransmits")] public long TcpRetransmits { get; init; }
    [JsonPropertyName("tcp_peak_buffered_bytes")] public long TcpPeakBufferedBytes { get; init; }
    [JsonPropertyName("ip_fragments_ignored")] public long IpFragmentsIgnored { get; init; }
    [JsonPropertyName("malformed_frames")] public long MalformedFrames { get; init; }
    [JsonPropertyName("breaks")] public long Breaks { get; init; }
    [JsonPropertyName("break_acks")] public long BreakAcks { get; init; }
    [JsonPropertyName("prestate_files")] public long PrestateFiles { get; init; }
    [JsonPropertyName("prestate_directories")] public long PrestateDirectories { get; init; }
    [JsonPropertyName("time_span")] public TimeSpanInfo? TimeSpan { get; init; }
    [JsonPropertyName("warnings")] public IReadOnlyList<string> Warnings { get; init; } = [];

    public sealed record TimeSpanInfo(
        [property: JsonPropertyName("first")] DateTimeOffset First,
        [property: JsonPropertyName("last")] DateTimeOffset Last,
        [property: JsonPropertyName("duration_s")] double DurationSeconds);
}
