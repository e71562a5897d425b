using System.Diagnostics;
using System.Threading.Channels;
using SMBench.Core.Ir;
using SMBench.Smb.Client;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Actors.Backends.Smb;

internal sealed partial class SmbClientSession : IBreakSource
{
    private readonly Channel<BackendBreak> _breaks = Channel.CreateUnbounded<BackendBreak>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _breakPumpStop = new();

    public ChannelReader<BackendBreak> Breaks => _breaks.Reader;

    /// <summary>Full mode: this session's breaks come through its connection's <see cref="ConnectionBreaks"/>.</summary>
    private void StartBreakPump()
    {
        if (_backend.Mode == ReplayMode.Full) ConnectionBreaks.Attach(_tree.Connection, this);
    }

    /// <summary>
    /// Answers a break on the connection's read loop the moment it arrives: the acknowledgment is signed and written
    /// before the loop reads on (it uses the credits reserved for acks), so neither the thread pool, nor the
    /// OplockActor's mailbox, nor the ops queued behind it stand between a break and its answer. The break then goes
    /// to <see cref="Breaks"/> with its answer under way, for the hold/release bookkeeping and the journal.
    /// False when the break is not this session's (strict) or its open is not registered yet.
    /// </summary>
    internal bool TryAnswer(BreakNotification n, bool strict)
    {
        var ct = _breakPumpStop.Token;
        if (ct.IsCancellationRequested || Map(n, strict) is not { } brk) return false;
        var answering = RespondAsync(brk, ct);
        // The OplockActor awaits it; if it stops first, a failure must not surface as an unobserved exception.
        answering.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _breaks.Writer.TryWrite(brk with { Answering = answering });
        return true;
    }

    /// <summary>A break the read loop could not place, handed to the OplockActor to answer.</summary>
    internal bool TryQueue(BreakNotification n, bool strict)
    {
        if (_breakPumpStop.IsCancellationRequested || Map(n, strict) is not { } brk) return false;
        _breaks.Writer.TryWrite(brk);
        return true;
    }

    /// <param name="strict">A lease break with no open of this session under its key is not this session's.</param>
    private BackendBreak? Map(BreakNotification n, bool strict)
    {
        var now = n.ReceivedTimestamp != 0 ? n.ReceivedTimestamp : Stopwatch.GetTimestamp();
        SmbOpen[] opens;
        lock (_opens) opens = [.. _opens];
        if (n.Oplock is { } oplock)
        {
            var open = opens.FirstOrDefault(o => o.File.FileId.Persistent == oplock.FileId.Persistent);
            if (open == null) return null;
            // LEVEL_II → none needs no acknowledgment (MS-SMB2 §3.2.5.19.1).
            var ackRequired = !(open.File.OplockLevel == OplockLevel.LevelII && oplock.OplockLevel == OplockLevel.None);
            return new BackendBreak([open], "oplock", oplock.OplockLevel.ToString(), ackRequired, now, n);
        }
        if (n.Lease is { } lease)
        {
            var matching = opens.Where(o => o.LeaseKey == lease.LeaseKey).Cast<object>().ToList();
            if (strict && matching.Count == 0) return null;
            return new BackendBreak(matching, "lease", SmbCreateBuilder.Letters(lease.NewLeaseState), lease.AckRequired, now, n);
        }
        return null;
    }

    /// <summary>
    /// Answers a break the way the captured client did for that open (its next recorded answer: ack to a level, or
    /// close), else acks to the level the server offered. Returns what was done.
    /// </summary>
    public async Task<BreakAnswer> RespondAsync(BackendBreak brk, CancellationToken ct)
    {
        var opens = brk.Handles.OfType<SmbOpen>().ToList();
        var captured = opens.Select(o => o.NextCapturedAnswer()).FirstOrDefault(a => a != null);
        if (captured?.Action == "close")
        {
            foreach (var open in opens)
            {
                open.ClosedByBreak = true;
                await open.File.CloseAsync(cancellationToken: ct).ConfigureAwait(false);
            }
            return new BreakAnswer(true, "close") { AnsweredTimestamp = Stopwatch.GetTimestamp() };
        }
        if (!brk.AckRequired) return new BreakAnswer(false, "none needed");
        var n = (BreakNotification)brk.Notification;
        if (n.Oplock is { } oplock)
        {
            var level = captured?.Level is { } l ? ParseOplock(l, oplock.OplockLevel) : oplock.OplockLevel;
            var file = opens[0].File;
            using var response = await file.Tree.SendAsync(
                file.Tree.For(new OplockBreakAcknowledgment(file.FileId, level)) with { UseCreditReserve = true }, ct).ConfigureAwait(false);
            if (response.Status != NtStatus.Success)
                throw new SmbStatusException(response.Status, Smb2Command.OplockBreak, $"ack of '{file.Name}'");
            return Answered(new BreakAnswer(true, $"ack {level}"), response);
        }
        var lease = n.Lease!.Value;
        var state = captured?.Level is { } letters
            ? SmbCreateBuilder.ParseLease(letters) & lease.NewLeaseState
            : lease.NewLeaseState;
        using (var response = await _tree.SendAsync(
                   _tree.For(new LeaseBreakAcknowledgment(lease.LeaseKey, state)) with { UseCreditReserve = true }, ct).ConfigureAwait(false))
        {
            // The last open of the lease was closed while the break was on its way (or its close was in flight):
            // the server dropped the lease, so there is nothing left to acknowledge (MS-SMB2 §3.3.5.22.2).
            if (response.Status == NtStatus.ObjectNameNotFound) return new BreakAnswer(false, "lease already closed");
            if (response.Status != NtStatus.Success)
                throw new SmbStatusException(response.Status, Smb2Command.OplockBreak, $"lease ack {lease.LeaseKey}");
            return Answered(new BreakAnswer(true, $"ack {SmbCreateBuilder.Letters(state)}"), response);
        }
    }

    private static BreakAnswer Answered(BreakAnswer answer, Smb2Response response) =>
        answer with { SentTimestamp = response.RequestSentTimestamp, AnsweredTimestamp = Stopwatch.GetTimestamp() };

    private static OplockLevel ParseOplock(string text, OplockLevel offered)
    {
        var level = text.ToLowerInvariant() switch
        {
            "level_ii" or "ii" or "levelii" => OplockLevel.LevelII,
            _ => OplockLevel.None,
        };
        return level > offered ? offered : level; // never ack above what was offered
    }
}
