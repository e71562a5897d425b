using System.Text.Json;

namespace SMBench.Core.Ir;

/// <summary>Everything of a workload except its operations: version, metadata, clients.</summary>
public sealed record WorkloadHeader
{
    public const int CurrentVersion = 1;
    public int Version { get; init; } = CurrentVersion;
    public WorkloadMetadata Metadata { get; init; } = new();
    public IReadOnlyList<ClientInfo> Clients { get; init; } = [];
}

public sealed record WorkloadMetadata
{
    public string? Source { get; init; }
    public double DurationSeconds { get; init; }
    public int ClientCount { get; init; }
    /// <summary>Further metadata fields, kept verbatim.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record ClientInfo
{
    public required string ClientId { get; init; }
    public long OperationCount { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
}
