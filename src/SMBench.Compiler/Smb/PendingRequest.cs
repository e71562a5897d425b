using SMBench.Compiler.Mapping;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>A request waiting for its response (by MessageId; an interim STATUS_PENDING adds the AsyncId).</summary>
public sealed class PendingRequest
{
    public required Smb2Command Command { get; init; }
    public required ulong MessageId { get; init; }
    public required ulong SessionId { get; init; }
    public required uint TreeId { get; init; }
    public required long TimestampUs { get; init; }
    public required long Frame { get; init; }
    public required CapturedRequest Info { get; init; }

    /// <summary>In a related compound, the MessageId of the part before (whose FileId an all-0xFF FileId means).</summary>
    public ulong? RelatedTo { get; init; }

    public OperationSequencer.Slot? Slot { get; init; }

    public ulong? AsyncId { get; set; }
}
