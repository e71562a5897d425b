using SMBench.Core.Ir;
using SMBench.Streams.Timing;

namespace SMBench.Streams.Runs;

/// <summary>
/// How often the workload is replayed: <see cref="Loops"/> passes, or as many as fit in <see cref="Duration"/>
/// (the duration wins when both are set). One pass with no duration is a plain replay.
/// </summary>
public sealed record ReplayLoop(int Loops = 1, TimeSpan? Duration = null)
{
    public static readonly ReplayLoop Once = new();

    /// <summary>More than one pass is possible: op ids and handle refs carry the pass number.</summary>
    public bool IsLooping => Loops > 1 || Duration != null;
}

/// <summary>
/// The run's timeline for a looped replay (docs/replay-modes.md, "Looping"). Each pass reads the workload again and
/// is shifted to start where the previous one ended (its span: the last timestamp or the recorded duration,
/// whichever is later, plus 1 ms). Op ids become <c>op_id#pass</c> and handle refs <c>handle#pass</c> (pass from
/// 1), so every journal record stays unique and each pass re-opens what it uses instead of inheriting the previous
/// pass's handles. Handles a pass leaves open (a capture cut before their close) get a close at the pass end,
/// op id <c>open_op_id#pass.close</c>, so the server's open count does not grow with every pass.
/// </summary>
public static class ReplayPasses
{
    public const long PassGapUs = 1000;

    /// <param name="readPass">The workload's ops for one pass, in file order.</param>
    /// <param name="spanUs">The unscaled length of one pass (see the class remarks).</param>
    /// <param name="runClockUs">The run clock (µs since time zero, negative before it): a --duration at
    /// --time-scale 0 is measured on it.</param>
    public static IEnumerable<ScheduledOp> Schedule(Func<IEnumerable<IrOperation>> readPass, double timeScale, ReplayLoop loop, long spanUs,
        Func<long> runClockUs)
    {
        if (!loop.IsLooping)
        {
            foreach (var op in readPass()) yield return new ScheduledOp(op, (long)(op.TimestampUs * timeScale));
            yield break;
        }
        var limitUs = loop.Duration is { } d ? (long)d.TotalMicroseconds : long.MaxValue;
        var passes = loop.Duration != null ? int.MaxValue : loop.Loops;
        var any = false;
        var stride = Math.Max(1, spanUs) + PassGapUs;
        for (var pass = 1; pass <= passes; pass++)
        {
            var offsetUs = (pass - 1) * stride;
            // Open handles of this pass, per client, in open order: closed at the pass end if the workload did not.
            var open = new Dictionary<(string Client, string Handle), OpenOp>();
            long lastDue = 0;
            foreach (var op in readPass())
            {
                var due = (long)((offsetUs + op.TimestampUs) * timeScale);
                any = true;
                // The duration is on the run clock: the due time for a timed replay, the clock itself for --time-scale 0
                // (ops already read ahead or released at the deadline still run and are recorded).
                if (due >= limitUs || (timeScale == 0 && runClockUs() >= limitUs)) yield break;
                var renamed = ForPass(op, pass);
                if (renamed is OpenOp o) open[(o.ClientId, o.Handle)] = o;
                else if (renamed is CloseOp c) open.Remove((c.ClientId, c.Handle));
                lastDue = Math.Max(lastDue, due);
                yield return new ScheduledOp(renamed, due);
            }
            if (!any) yield break; // an empty workload has nothing to loop
            var endDue = Math.Max(lastDue, (long)((offsetUs + spanUs) * timeScale));
            foreach (var o in open.Values)
                yield return new ScheduledOp(new CloseOp
                {
                    OpId = o.OpId + ".close", ClientId = o.ClientId, TimestampUs = offsetUs + spanUs, Handle = o.Handle,
                }, endDue);
        }
    }

    /// <summary>The op with the pass number on its id and its handle ref.</summary>
    public static IrOperation ForPass(IrOperation op, int pass)
    {
        var suffix = "#" + pass.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = op.OpId + suffix;
        return op switch
        {
            OpenOp o => o with { OpId = id, Handle = o.Handle + suffix },
            ReadOp o => o with { OpId = id, Handle = o.Handle + suffix },
            WriteOp o => o with { OpId = id, Handle = o.Handle + suffix },
            CloseOp o => o with { OpId = id, Handle = o.Handle + suffix },
            StatOp { Handle: not null } o => o with { OpId = id, Handle = o.Handle + suffix },
            TruncateOp o => o with { OpId = id, Handle = o.Handle + suffix },
            FlushOp o => o with { OpId = id, Handle = o.Handle + suffix },
            LockOp o => o with { OpId = id, Handle = o.Handle + suffix },
            UnlockOp o => o with { OpId = id, Handle = o.Handle + suffix },
            IoctlOp o => o with { OpId = id, Handle = o.Handle + suffix },
            { HandleRef: not null } => throw new InvalidOperationException(
                $"op type '{op.Type}' uses a handle but looping does not know it (op {op.OpId})"),
            _ => op with { OpId = id },
        };
    }
}
