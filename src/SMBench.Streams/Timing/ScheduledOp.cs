using SMBench.Core.Ir;

namespace SMBench.Streams.Timing;

/// <summary>An op with its due time on the run clock (µs, already scaled by --time-scale).</summary>
public readonly record struct ScheduledOp(IrOperation Op, long DueUs);
