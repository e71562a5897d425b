using System.Buffers;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;

namespace SMBench.Smb.Transport;

public sealed partial class SmbTransport
{
    private async Task ReadLoopAsync()
    {
        Exception failure;
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    // Fail() stopped the receive thread's pipe.
                    failure = _failure ?? new SmbConnectionException($"connection to {Endpoint} was closed");
                    break;
                }
                var buffer = result.Buffer;
                while (DirectTcpFraming.TryReadFrame(ref buffer, out var frame, MaxFrameLength)) HandleFrame(frame);
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    failure = new SmbConnectionException($"{Endpoint} closed the connection");
                    break;
                }
            }
        }
        catch (SmbConnectionException e)
        {
            failure = e;
        }
        catch (SmbProtocolException e)
        {
            failure = new SmbConnectionException($"malformed SMB2 message from {Endpoint}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException
                                      or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            failure = _failure ?? new SmbConnectionException($"connection to {Endpoint} failed: {e.Message}", e);
        }
#pragma warning disable CA1031 // anything else is a bug, but it must still fail the connection, or callers wait forever
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = new SmbConnectionException($"connection to {Endpoint} failed: unexpected {e.GetType().Name}: {e.Message}", e);
        }
        Fail(failure);
        await _reader.CompleteAsync().ConfigureAwait(false);
    }

    private void HandleFrame(ReadOnlySequence<byte> frame)
    {
        var length = (int)frame.Length;
        var raw = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        byte[]? plain = null;
        try
        {
            frame.CopyTo(raw);
            var data = raw.AsSpan(0, length);
            var encrypted = false;
            if (Smb2TransformHeader.IsTransform(data))
            {
                var header = Smb2TransformHeader.Parse(data);
                var encryptor = Security?.GetEncryptor(header.SessionId)
                                ?? throw new SmbConnectionException($"encrypted message from {Endpoint} for unknown session 0x{header.SessionId:x}");
                plain = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                data = plain.AsSpan(0, encryptor.Decrypt(data, plain));
                encrypted = true;
            }
            if (!Smb2Header.HasProtocolId(data))
            {
                var id = data.Length >= 4 ? Convert.ToHexString(data[..4]) : Convert.ToHexString(data);
                throw new SmbConnectionException($"unexpected frame from {Endpoint} (protocol id {id}); compressed or SMB1 frames are not supported");
            }
            Dispatch(data, encrypted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
            if (plain != null) ArrayPool<byte>.Shared.Return(plain);
        }
    }

    private void Dispatch(Span<byte> data, bool encrypted)
    {
        var enumerator = Smb2Compound.Enumerate(data);
        while (enumerator.MoveNext())
        {
            var part = data.Slice(enumerator.CurrentOffset, enumerator.Current.Length);
            var header = Smb2Header.Parse(part);
            if (!header.IsResponse) throw new SmbConnectionException($"{Endpoint} sent a request ({header.Command}) to the client");
            if (header.IsUnsolicited)
            {
                // Break notifications are never signed and must not be verified (§3.2.5.19).
                if (header.Command == Smb2Command.OplockBreak) OnBreak(new BreakNotification(header, part.ToArray())
                {
                    ReceivedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp(),
                });
                continue;
            }
            Credits.Grant(header.CreditResponse);
            if (!_pending.TryGetValue(header.MessageId, out var pending)) continue;
            if (header.Status == NtStatus.Pending && header.IsAsync)
            {
                // Interim responses are not signed (§3.2.5.1.3) and stop the request timeout (§3.2.5.1.5).
                pending.AsyncId = header.AsyncId;
                pending.Interim = true;
                if (pending.Abandoned) _ = SendCancelAsync(pending);
                continue;
            }
            _pending.TryRemove(header.MessageId, out _);
            if (!encrypted && CheckSignature(header, part, pending) is { } forged)
            {
                // Discard the message and give up on the connection: whatever altered this one can alter the next.
                // The connection is failed before the caller resumes (continuations may run inline).
                Fail(forged);
                pending.Completion.TrySetException(forged);
                throw forged;
            }
            var response = new Smb2Response(header, part) { RequestSentTimestamp = Volatile.Read(ref pending.SentAt) };
            if (!pending.Completion.TrySetResult(response)) response.Dispose();
        }
    }

    /// <summary>
    /// MS-SMB2 §3.2.5.1.3 for a final, unencrypted response (and §3.2.5.1.1: never the answer to an encrypted
    /// request): a signed request must get a signed answer with the right signature; a signed answer to anything is
    /// verified. The session is the request's. NEGOTIATE and SESSION_SETUP
    /// are the session layer's (the final SESSION_SETUP is verified once its keys exist); a server cannot sign for a
    /// session it has deleted or expired, so those two statuses may come back unsigned.
    /// </summary>
    private SmbSignatureException? CheckSignature(in Smb2Header header, Span<byte> part, PendingRequest pending)
    {
        if (header.Command is Smb2Command.SessionSetup or Smb2Command.Negotiate) return null;
        var sessionGone = header.Status == NtStatus.UserSessionDeleted || header.Status == NtStatus.NetworkSessionExpired;
        // An encrypted request's answer must be encrypted too (§3.2.5.1.1): a plain one was forged or stripped.
        if (pending.Encrypted && !sessionGone)
            return new SmbSignatureException($"{header.Command} response (MessageId {header.MessageId}) from {Endpoint} is not " +
                "encrypted although its request was; the connection is closed");
        var sessionId = pending.SessionId != 0 ? pending.SessionId : header.SessionId;
        if (sessionId == 0 || Security?.GetSigner(sessionId) is not { } signer) return null;
        if (header.IsSigned)
            return signer.Verify(part) ? null : new SmbSignatureException(header.Command, header.MessageId, unsigned: false, Endpoint);
        if (!pending.Signed || sessionGone) return null;
        return new SmbSignatureException(header.Command, header.MessageId, unsigned: true, Endpoint);
    }

    /// <summary>Marks the connection dead once; fails every waiter and closes the socket.</summary>
    private void Fail(Exception failure)
    {
        lock (_pending)
        {
            if (_failure != null) return;
            _failure = failure;
        }
        StopExpiryTimer();
        Credits.Fail(failure);
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var p))
                p.Completion.TrySetException(new SmbConnectionException($"{p.Command} to {Endpoint} failed: {failure.Message}", failure));
        }
        _breaks.Writer.TryComplete();
        StopEpollReceive();
        try
        {
            _socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException)
        {
        }
        _socket.Dispose();
    }
}
