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
public sealed partial class SmbConnectionDecoder : IConnectionMessageHandler
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
