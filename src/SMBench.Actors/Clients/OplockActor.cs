using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Event;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using static SMBench.Actors.Clients.OplockProtocol;

namespace SMBench.Actors.Clients;

/// <summary>
/// Handles the oplock and lease breaks of one client's connection at runtime. A break is never scheduled from the
/// timeline: when one arrives the parent ClientActor is told to hold the ops of the affected handles, the answer
/// (the captured client's, else an ack to the offered level) is sent right away — its credits are reserved in the
/// transport — and the handles are released once it is out. Other handles keep running meanwhile.
/// </summary>
public sealed class OplockActor : ReceiveActor
{
    /// <summary>Meter of break handling; <see cref="AckLatency"/> gives percentiles where the summary has the mean.</summary>
    public const string MeterName = "SMBench.Breaks";
    private static readonly Meter BreakMeter = new(MeterName);
    /// <summary>Time from a break's arrival to its answer being sent, in ms (one value per answered break).</summary>
    public static readonly Histogram<double> AckLatency =
        BreakMeter.CreateHistogram<double>("smbench.break.ack_latency", "ms", "break arrival to answer sent");
    private readonly IBreakSource _source;
    private readonly RunContext _run;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stop = new();

    public OplockActor(IBreakSource source, RunContext run)
    {
        _source = source;
        _run = run;
        Receive<BreakArrived>(arrived =>
        {
            _run.CountBreakReceived();
            Context.Parent.Tell(new ClientProtocol.HoldHandles(arrived.Break.Handles));
            _source.RespondAsync(arrived.Break, _run.Stopping).PipeTo(Self,
                success: answer => new BreakAnswered(arrived.Break, answer, null),
                failure: e => new BreakAnswered(arrived.Break, null, e));
        });
        Receive<BreakAnswered>(answered =>
        {
            if (answered.Error != null)
                _log.Warning("break on {0} handle(s) could not be answered: {1}", answered.Break.Handles.Count, answered.Error.Message);
            else if (answered.Answer!.Sent)
            {
                var latency = Stopwatch.GetElapsedTime(answered.Break.ReceivedTimestamp);
                _run.CountBreakAcked(latency);
                AckLatency.Record(latency.TotalMilliseconds);
            }
            Context.Parent.Tell(new ClientProtocol.ReleaseHandles(answered.Break.Handles, answered.Answer?.Action == "close"));
        });
    }

    public static Props Props(IBreakSource source, RunContext run) => Akka.Actor.Props.Create<OplockActor>(source, run);

    protected override void PreStart()
    {
        var self = Self;
        var reader = _source.Breaks;
        var ct = _stop.Token;
        // Reads the connection's break stream off the mailbox; every break becomes a message, so it is handled
        // as soon as it arrives, ahead of nothing and behind nothing but other breaks.
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var brk in reader.ReadAllAsync(ct).ConfigureAwait(false)) self.Tell(new BreakArrived(brk));
            }
            catch (OperationCanceledException)
            {
                // the client is stopping
            }
        }, CancellationToken.None);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}

/// <summary>Messages of <see cref="OplockActor"/>.</summary>
public static class OplockProtocol
{
    public sealed record BreakArrived(BackendBreak Break);
    public sealed record BreakAnswered(BackendBreak Break, BreakAnswer? Answer, Exception? Error);
}
