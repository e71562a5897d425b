using SMBench.Compiler.Tcp;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

// Requests waiting for their responses: what is paired, what is skipped at once, and the protocol state
// (sessions, trees, breaks) the exchanges establish.
public sealed partial class SmbConnectionDecoder
{
    private void OnRequest(in Smb2Header h, ReadOnlySpan<byte> part, TcpEndpoint source, long ts, long frame, ulong? relatedTo)
    {
        var name = Smb2CommandNames.ToWireName(h.Command);
        _session.CountRequest(name);
        _state.Client ??= source;
        var skip = RequestSkipReason(h);
        if (skip != null) _session.Skips.Add($"{name}: {skip}");
        var needsPairing = h.Command is Smb2Command.SessionSetup or Smb2Command.TreeConnect || (skip == null && SmbExchangeMapper.ProducesOperations(h.Command));
        if (!needsPairing && h.Command != Smb2Command.OplockBreak)
        {
            Unpaired(h.MessageId);
            return;
        }

        CapturedRequest info;
        try
        {
            info = RequestDecoder.Decode(h, part, StorePayload);
        }
        catch (SmbProtocolException e)
        {
            _session.Skips.Add($"{name}: malformed request");
            Warn($"frame {frame}: {e.Message}");
            return;
        }
        if (h.Command == Smb2Command.OplockBreak)
        {
            SmbExchangeMapper.OnBreakAcknowledged(_session, _state, info);
            return;
        }
        if (!needsPairing)
        {
            Unpaired(h.MessageId);
            return;
        }

        var pending = new PendingRequest
        {
            Command = h.Command, MessageId = h.MessageId, SessionId = h.SessionId, TreeId = h.TreeId,
            TimestampUs = ts, Frame = frame, Info = info, RelatedTo = relatedTo,
            Slot = skip == null && SmbExchangeMapper.ProducesOperations(h.Command) ? _session.Sequencer.Reserve(ts, name) : null,
        };
        if (_pending.Remove(h.MessageId, out var duplicate))
        {
            duplicate.Slot?.Cancel();
            _session.Skips.Add($"{name}: MessageId reused before its response (earlier request dropped)");
        }
        _pending[h.MessageId] = pending;
        _pendingOrder.Enqueue(h.MessageId);
        while (_pending.Count > MaxPending && _pendingOrder.TryDequeue(out var oldest))
        {
            if (!_pending.Remove(oldest, out var dropped)) continue;
            dropped.Slot?.Cancel();
            _session.Skips.Add($"{Smb2CommandNames.ToWireName(dropped.Command)}: no response (too many outstanding requests)");
        }
        if (_pendingOrder.Count > 4 * MaxPending) CompactPendingOrder();
    }

    private string? RequestSkipReason(in Smb2Header h)
    {
        switch (h.Command)
        {
            case Smb2Command.Negotiate: return "connection setup (replay negotiates itself)";
            case Smb2Command.SessionSetup: return "authentication (replay logs in with its own credentials)";
            case Smb2Command.Logoff: return "session teardown";
            case Smb2Command.TreeConnect: return "share connect (replay connects to --target)";
            case Smb2Command.TreeDisconnect: return "share disconnect";
            case Smb2Command.Echo: return "keepalive";
            case Smb2Command.Cancel: return "cancel of an outstanding request";
            case Smb2Command.ChangeNotify: return "change notification (not in the IR)";
            case Smb2Command.OplockBreak: return "break acknowledgment (recorded in the open's on_break)";
        }
        if (!SmbExchangeMapper.ProducesOperations(h.Command)) return "unknown command";
        if (_state.Trees.TryGetValue((h.SessionId, h.TreeId), out var tree) && tree.IsPipe) return "on IPC$/named pipe (not file I/O)";
        return null;
    }

    private void OnResponse(in Smb2Header h, ReadOnlySpan<byte> part, long ts, long frame)
    {
        var name = Smb2CommandNames.ToWireName(h.Command);
        _session.CountResponse(name);
        if (h.Command == Smb2Command.OplockBreak && h.IsUnsolicited)
        {
            OnBreakNotification(part);
            return;
        }
        if (!_pending.TryGetValue(h.MessageId, out var p))
        {
            if (_unpaired.Contains(h.MessageId)) return;
            if (h.Command is not (Smb2Command.Negotiate or Smb2Command.Echo or Smb2Command.Logoff or Smb2Command.TreeDisconnect
                or Smb2Command.Cancel or Smb2Command.ChangeNotify or Smb2Command.OplockBreak))
                _session.Skips.Add($"{name}: response without its request in the capture");
            return;
        }
        if (h.IsAsync && h.Status == NtStatus.Pending)
        {
            p.AsyncId = h.AsyncId;
            return;
        }
        _pending.Remove(h.MessageId);

        CapturedResponse response;
        try
        {
            response = ResponseDecoder.Decode(h, part);
        }
        catch (SmbProtocolException e)
        {
            p.Slot?.Complete([]);
            _session.Skips.Add($"{name}: malformed response");
            Warn($"frame {frame}: {e.Message}");
            return;
        }
        switch (p.Info)
        {
            case SessionSetupRequestInfo setup:
                OnSessionSetup(h, setup);
                return;
            case TreeConnectRequestInfo tree when h.Status.IsSuccess && response is TreeConnectResponseInfo t:
                var share = tree.Path[(tree.Path.LastIndexOf('\\') + 1)..];
                _state.Trees[(h.SessionId, h.TreeId)] = new TreeInfo(share,
                    t.ShareType == TreeConnectResponseInfo.Pipe || share.Equals("IPC$", StringComparison.OrdinalIgnoreCase));
                return;
        }
        if (p.Slot == null) return;
        p.Slot.Complete(SmbExchangeMapper.Map(_session, _state, p, h, response));
    }

    private void OnSessionSetup(in Smb2Header h, SessionSetupRequestInfo setup)
    {
        if (!_state.Sessions.TryGetValue(h.SessionId, out var s))
        {
            s = new SessionInfo();
            _state.Sessions[h.SessionId] = s;
        }
        if (setup.Identity != null) s.Identity = setup.Identity;
        if (h.Status.IsSuccess && !s.Established)
        {
            s.Established = true;
            _session.Sessions++;
        }
    }

    private void OnBreakNotification(ReadOnlySpan<byte> part)
    {
        _session.Breaks++;
        OpenHandle? handle = null;
        try
        {
            if (OplockBreakClassifier.Classify(part) == OplockBreakKind.LeaseNotification)
                _state.Leases.TryGetValue(LeaseKeys.Hex(LeaseBreakNotification.Parse(part).LeaseKey), out handle);
            else
                _state.Handles.TryGetValue(OplockBreakNotification.Parse(part).FileId, out handle);
        }
        catch (SmbProtocolException)
        {
            _session.Skips.Add("OPLOCK_BREAK: malformed break notification");
        }
        if (handle != null) handle.BreakOutstanding = true;
    }
}
