using SMBench.Compiler.Framing;
using SMBench.Compiler.Mapping;
using SMBench.Compiler.Tcp;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>
/// The SMB side of one TCP connection: splits compounds, pairs responses with requests by MessageId (interim
/// STATUS_PENDING responses only note the AsyncId), keeps sessions/trees/handles, and hands each completed
/// exchange to <see cref="SmbExchangeMapper"/>. Anything it cannot use is counted under a reason.
/// </summary>
public sealed class SmbConnectionDecoder : IConnectionMessageHandler
{
    private const int MaxPending = 16_384;
    private readonly CompileSession _session;
    private readonly ConnectionState _state;
    private readonly Dictionary<ulong, PendingRequest> _pending = [];
    private readonly Queue<ulong> _pendingOrder = new();
    private readonly HashSet<ulong> _unpaired = [];
    private readonly Decryption.ConnectionDecryptor? _decryptor;
    private bool _counted;
    private bool _encrypted;
    private bool _decrypted;

    public SmbConnectionDecoder(long connectionId, CompileSession session)
    {
        _session = session;
        _state = new ConnectionState(connectionId, session.Smb);
        if (session.SessionKeys is { Count: > 0 } keys) _decryptor = new Decryption.ConnectionDecryptor(keys);
    }

    public void OnMessage(TcpEndpoint source, TcpEndpoint destination, ReadOnlySpan<byte> message, long timestampUs, long frame)
    {
        _session.LastTimestampUs = Math.Max(_session.LastTimestampUs, timestampUs);
        if (!_counted)
        {
            _counted = true;
            _session.SmbConnections++;
        }
        if (message.Length < 4)
        {
            _session.Skips.Add("runt message (shorter than a protocol id)");
            return;
        }
        switch (message[0])
        {
            case 0xFD:
                if (!_encrypted)
                {
                    _encrypted = true;
                    _session.EncryptedConnections++;
                }
                string? reason = "encrypted message (SMB3 transform, no session key)";
                var plaintext = _decryptor?.TryDecrypt(message, _state.Client == null || source == _state.Client, out reason);
                if (plaintext == null || plaintext.Length < 4 || plaintext[0] != 0xFE)
                {
                    _session.Skips.Add(plaintext == null ? reason! : "decrypted message that is not SMB2");
                    return;
                }
                if (!_decrypted)
                {
                    _decrypted = true;
                    _session.DecryptedConnections++;
                }
                _session.DecryptedMessages++;
                message = plaintext;
                break;
            case 0xFC:
                _session.Skips.Add("compressed message (SMB 3.1.1 compression transform)");
                return;
            case 0xFF:
                _session.Skips.Add(message.Length > 4 && message[4] == 0x72
                    ? "SMB1 NEGOTIATE (client upgrading to SMB2)"
                    : "SMB1 command (SMB1 is not replayed)");
                return;
        }

        ulong? previous = null;
        try
        {
            foreach (var part in Smb2Compound.Enumerate(message))
            {
                var header = Smb2Header.Parse(part);
                if (_decryptor != null && header.Command is Smb2Command.Negotiate or Smb2Command.SessionSetup) _decryptor.Observe(header, part);
                if (header.IsResponse) OnResponse(header, part, timestampUs, frame);
                else OnRequest(header, part, source, timestampUs, frame, header.IsRelated ? previous : null);
                previous = header.MessageId;
            }
        }
        catch (SmbProtocolException e)
        {
            _session.Skips.Add("malformed SMB2 message");
            Warn($"frame {frame}: malformed SMB2 message skipped: {e.Message}");
        }
        _session.Sequencer.Advance(timestampUs);
    }

    public void OnStreamGap(TcpEndpoint source, long frame)
    {
        // Messages across the hole are gone; requests whose responses went with it time out in the sequencer.
    }

    public void OnClosed(long frame)
    {
        _decryptor?.Dispose();
        foreach (var p in _pending.Values)
        {
            if (p.Slot == null) continue;
            p.Slot.Cancel();
            _session.Skips.Add($"{Smb2CommandNames.ToWireName(p.Command)}: no response before the connection ended");
        }
        _pending.Clear();
        _pendingOrder.Clear();
    }

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

    private string? StorePayload(ReadOnlySpan<byte> payload, int declaredLength)
    {
        if (_session.Blobs == null) return null;
        if (payload.Length < declaredLength)
        {
            _session.Skips.Add("WRITE: payload not fully captured (replayed as filler)");
            return null;
        }
        return _session.Blobs.Put(payload);
    }

    /// <summary>A request counted as skipped: its response is expected and needs no second count.</summary>
    private void Unpaired(ulong messageId)
    {
        if (_unpaired.Count >= 4096) _unpaired.Clear();
        _unpaired.Add(messageId);
    }

    private void CompactPendingOrder()
    {
        var live = _pendingOrder.Where(_pending.ContainsKey).ToList();
        _pendingOrder.Clear();
        foreach (var id in live) _pendingOrder.Enqueue(id);
    }

    private void Warn(string message)
    {
        if (_session.Warnings.Count < 100) _session.Warnings.Add($"connection {_state.Id}: {message}");
    }
}
