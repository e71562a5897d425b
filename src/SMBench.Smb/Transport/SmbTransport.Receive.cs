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
                if (header.Command == Smb2Command.OplockBreak) _breaks.Writer.TryWrite(new BreakNotification(header, part.ToArray()));
                continue;
            }
            Credits.Grant(header.CreditResponse);
            if (!_pending.TryGetValue(header.MessageId, out var pending)) continue;
            if (header.Status == NtStatus.Pending && header.IsAsync)
            {
                pending.AsyncId = header.AsyncId;
                if (pending.Abandoned) _ = SendCancelAsync(pending);
                continue;
            }
            _pending.TryRemove(header.MessageId, out _);
            if (!encrypted && header.IsSigned && header.SessionId != 0 && header.Command != Smb2Command.SessionSetup
                && Security?.GetSigner(header.SessionId) is { } signer && !signer.Verify(part))
            {
                pending.Completion.TrySetException(new SmbConnectionException(
                    $"{header.Command} response from {Endpoint} has a bad signature (MessageId {header.MessageId})"));
                continue;
            }
            var response = new Smb2Response(header, part);
            if (!pending.Completion.TrySetResult(response)) response.Dispose();
        }
    }

    /// <summary>Marks the connection dead once; fails every waiter and closes the socket.</summary>
    private void Fail(Exception failure)
    {
        lock (_pending)
        {
            if (_failure != null) return;
            _failure = failure;
        }
        Credits.Fail(failure);
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var p))
                p.Completion.TrySetException(new SmbConnectionException($"{p.Command} to {Endpoint} failed: {failure.Message}", failure));
        }
        _breaks.Writer.TryComplete();
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
