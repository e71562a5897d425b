using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Event;
using SMBench.Actors.Backends;
using SMBench.Actors.Runs;
using SMBench.Core.Results;
using static SMBench.Actors.Clients.OplockProtocol;

namespace SMBench.Actors.Clients;

/// <summary>
/// Handles the oplock and lease breaks of one client's connection at runtime. A break is never scheduled from the
/// timeline: when one arrives the parent ClientActor is told to hold the ops of the affected handles, the answer
/// (the captured client's, else an ack to the offered level) is sent right away — its credits are reserved in the
/// transport, and the SMB backend sends it from the connection's read loop before the break even reaches this actor
/// — and the handles are released once it is answered. Other handles keep running meanwhile.
/// </summary>
public sealed class OplockActor : ReceiveActor
{
    /// <summary>Meter of break handling; <see cref="AckLatency"/> gives percentiles where the summary has the mean.</summary>
    public const string MeterName = "SMBench.Breaks";
    private static readonly Meter BreakMeter = new(MeterName);
    /// <summary>Time from a break's arrival to the server's reply to its answer, in ms (one value per answered break).</summary>
    public static readonly Histogram<double> AckLatency =
        BreakMeter.CreateHistogram<double>("smbench.break.ack_latency", "ms", "break arrival to the server's reply to the answer");
    /// <summary>Time from a break's arrival to its acknowledgment leaving for the server, in ms: the client's share.</summary>
    public static readonly Histogram<double> AckSendLatency =
        BreakMeter.CreateHistogram<double>("smbench.break.ack_send_latency", "ms", "break arrival to acknowledgment sent");

    private readonly IBreakSource _source;
    private readonly RunContext _run;
    private readonly string _clientId;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stop = new();

    public OplockActor(IBreakSource source, RunContext run, string clientId)
    {
        _source = source;
        _run = run;
        _clientId = clientId;
        Receive<BreakAnswered>(answered =>
        {
            if (answered.Error != null)
                _log.Warning("break on {0} handle(s) could not be answered: {1}", answered.Break.Handles.Count, answered.Error.Message);
            else if (answered.Answer!.Sent)
                _run.CountBreakAcked(answered.Latency);
            Context.Parent.Tell(new ClientProtocol.ReleaseHandles(answered.Break.Handles, answered.Answer?.Action == "close"));
            var brk = answered.Break;
            _run.BreakJournal?.Append(new BreakRecord(_run.Clock.ToUs(brk.ReceivedTimestamp), _clientId, brk.Kind, brk.NewLevel,
                answered.Answer?.Action ?? "failed", answered.Answer?.Sent ?? false, (long)answered.Latency.TotalMicroseconds,
                brk.Handles.Count, answered.Error?.Message));
        });
    }

    public static Props Props(IBreakSource source, RunContext run, string clientId) =>
        Akka.Actor.Props.Create<OplockActor>(source, run, clientId);

    protected override void PreStart()
    {
        var self = Self;
        var parent = Context.Parent;
        var source = _source;
        var run = _run;
        var ct = _stop.Token;
        // Breaks are answered straight from the connection's break stream, not after a trip through this mailbox:
        // a busy dispatcher (a thousand clients on a few cores) must not stand between a break and its ack. The
        // hold goes to the parent first; the mailbox only does the bookkeeping once the answer is out.
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var brk in source.Breaks.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    run.CountBreakReceived();
                    parent.Tell(new ClientProtocol.HoldHandles(brk.Handles));
                    _ = AnswerAsync(source, brk, self, run.Stopping); // breaks on other handles do not wait for this one
                }
            }
            catch (OperationCanceledException)
            {
                // the client is stopping
            }
        }, CancellationToken.None);
    }

    private static async Task AnswerAsync(IBreakSource source, BackendBreak brk, IActorRef self, CancellationToken ct)
    {
        try
        {
            // The SMB backend starts the answer on the connection's read loop as the break arrives (Answering);
            // other sources answer here.
            var answer = await (brk.Answering ?? source.RespondAsync(brk, ct)).ConfigureAwait(false);
            var answeredAt = answer.AnsweredTimestamp != 0 ? answer.AnsweredTimestamp : Stopwatch.GetTimestamp();
            var latency = Stopwatch.GetElapsedTime(brk.ReceivedTimestamp, answeredAt);
            if (answer.Sent) AckLatency.Record(latency.TotalMilliseconds);
            if (answer.Sent && answer.SentTimestamp != 0)
                AckSendLatency.Record(Stopwatch.GetElapsedTime(brk.ReceivedTimestamp, answer.SentTimestamp).TotalMilliseconds);
            self.Tell(new BreakAnswered(brk, answer, null, latency));
        }
        catch (Exception e)
        {
            self.Tell(new BreakAnswered(brk, null, e, TimeSpan.Zero));
        }
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
    /// <param name="Latency">From the break's arrival to its answer being sent.</param>
    public sealed record BreakAnswered(BackendBreak Break, BreakAnswer? Answer, Exception? Error, TimeSpan Latency);
}
