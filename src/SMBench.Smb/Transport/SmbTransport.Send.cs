using System.Buffers;
using System.Buffers.Binary;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;

namespace SMBench.Smb.Transport;

public sealed partial class SmbTransport
{
    private async ValueTask<PendingRequest[]> TransmitAsync(IReadOnlyList<Smb2Request> requests, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ThrowIfFailed();
        var charges = new int[requests.Count];
        var total = 0;
        var useReserve = false;
        for (var i = 0; i < requests.Count; i++)
        {
            charges[i] = ChargeOf(requests[i]);
            total += charges[i];
            useReserve |= requests[i].UseCreditReserve;
        }
        var firstId = await Credits.AcquireAsync(total, useReserve, ct).ConfigureAwait(false);

        var length = 0;
        for (var i = 0; i < requests.Count; i++)
            length += i < requests.Count - 1 ? Smb2Compound.Align(requests[i].MessageLength) : requests[i].MessageLength;
        var plain = ArrayPool<byte>.Shared.Rent(DirectTcpFraming.PrefixLength + length);
        var pending = new PendingRequest[requests.Count];
        var encrypt = requests[0].Encrypt;
        var sessionId = requests[0].SessionId;
        try
        {
            var messages = plain.AsSpan(DirectTcpFraming.PrefixLength, length);
            messages.Clear();
            var offset = 0;
            var messageId = firstId;
            for (var i = 0; i < requests.Count; i++)
            {
                var r = requests[i];
                var partLength = i < requests.Count - 1 ? Smb2Compound.Align(r.MessageLength) : r.MessageLength;
                var part = messages.Slice(offset, partLength);
                var header = new Smb2Header
                {
                    CreditCharge = MultiCredit ? (ushort)charges[i] : (ushort)0,
                    Command = r.Command,
                    CreditRequest = (ushort)(charges[i] + (Credits.Available < TargetCreditWindow ? 32 : 0)),
                    Flags = r.Related ? Smb2Flags.RelatedOperations : Smb2Flags.None,
                    NextCommand = i < requests.Count - 1 ? (uint)partLength : 0,
                    MessageId = messageId,
                    TreeId = r.TreeId,
                    SessionId = r.SessionId,
                };
                header.WriteTo(part);
                r.WriteBody(part[..(Smb2Header.Size + r.BodyLength)]);
                r.Payload.Span.CopyTo(part[(Smb2Header.Size + r.BodyLength)..]);
                pending[i] = new PendingRequest(messageId, r.Command, r.SessionId, encrypt);
                messageId += (ulong)charges[i];
                offset += partLength;
            }

            offset = 0;
            for (var i = 0; i < requests.Count; i++)
            {
                var r = requests[i];
                var partLength = i < requests.Count - 1 ? Smb2Compound.Align(r.MessageLength) : r.MessageLength;
                var part = messages.Slice(offset, partLength);
                // Encrypted messages carry no signature: the AEAD tag already authenticates them (§3.2.4.1.1).
                if (r.Sign && !encrypt && r.SessionId != 0 && Security?.GetSigner(r.SessionId) is { } signer)
                {
                    signer.Sign(part);
                    pending[i].Signed = true;
                }
                r.OnSent?.Invoke(part);
                offset += partLength;
            }

            foreach (var p in pending) _pending[p.MessageId] = p;
            if (_failure != null)
            {
                foreach (var p in pending) _pending.TryRemove(p.MessageId, out _);
                ThrowIfFailed();
            }

            try
            {
                await WriteMessagesAsync(plain, length, encrypt, sessionId, pending).ConfigureAwait(false);
            }
            catch
            {
                // The caller gets the write's exception and never waits for these; the connection's failure may
                // already have faulted them, and that must not surface later as an unobserved task exception.
                foreach (var p in pending)
                {
                    _pending.TryRemove(p.MessageId, out _);
                    _ = p.Completion.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
                throw;
            }
            return pending;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    private async ValueTask WriteMessagesAsync(byte[] plain, int length, bool encrypt, ulong sessionId, PendingRequest[] pending)
    {
        byte[]? sealedFrame = null;
        try
        {
            if (encrypt)
            {
                var encryptor = Security?.GetEncryptor(sessionId)
                                ?? throw new InvalidOperationException($"session 0x{sessionId:x} has no encryption keys");
                sealedFrame = ArrayPool<byte>.Shared.Rent(DirectTcpFraming.PrefixLength + Smb2TransformHeader.Length + length);
                var n = encryptor.Encrypt(plain.AsSpan(DirectTcpFraming.PrefixLength, length), sealedFrame.AsSpan(DirectTcpFraming.PrefixLength));
                DirectTcpFraming.WritePrefix(sealedFrame, n);
                await WriteFrameAsync(sealedFrame.AsMemory(0, DirectTcpFraming.PrefixLength + n), pending).ConfigureAwait(false);
            }
            else
            {
                DirectTcpFraming.WritePrefix(plain, length);
                await WriteFrameAsync(plain.AsMemory(0, DirectTcpFraming.PrefixLength + length), pending).ConfigureAwait(false);
            }
        }
        finally
        {
            if (sealedFrame != null) ArrayPool<byte>.Shared.Return(sealedFrame);
        }
    }

    private async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> frame, PendingRequest[]? pending = null)
    {
        // Writes are never cancelled half-way: a torn frame would desynchronise the whole connection.
        ThrowIfFailed();
        try
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            ThrowIfFailed();
            throw;
        }
        try
        {
            ThrowIfFailed();
            if (pending != null)
            {
                // Stamped before the bytes leave, so the response can never be read before its request's timestamp.
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                foreach (var p in pending) Volatile.Write(ref p.SentAt, now);
            }
            if (_socketHandle != null)
            {
                // Straight to the socket: a send through the stream would also register the socket with .NET's socket
                // engine the first time it had to wait. Only what a full socket buffer refuses goes the long way.
                var sent = Epoll.Send(_socketHandle, frame.Span, out var errno);
                if (sent < 0) throw new IOException($"send failed (errno {errno})");
                frame = frame[sent..];
            }
            if (frame.Length > 0) await _stream.WriteAsync(frame).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            var failure = new SmbConnectionException($"sending to {Endpoint} failed: {e.Message}", e);
            Fail(failure);
            throw failure;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>SMB2 CANCEL (§3.2.4.24): no credit, the MessageId of the request, or its AsyncId once known.</summary>
    private async Task SendCancelAsync(PendingRequest pending)
    {
        try
        {
            if (_failure != null) return;
            var frame = new byte[DirectTcpFraming.PrefixLength + Smb2Header.Size + 4];
            var message = frame.AsSpan(DirectTcpFraming.PrefixLength);
            var isAsync = pending.AsyncId != 0;
            new Smb2Header
            {
                Command = Smb2Command.Cancel,
                Flags = isAsync ? Smb2Flags.AsyncCommand : Smb2Flags.None,
                MessageId = isAsync ? 0 : pending.MessageId,
                AsyncId = pending.AsyncId,
                SessionId = pending.SessionId,
            }.WriteTo(message);
            BinaryPrimitives.WriteUInt16LittleEndian(message[Smb2Header.Size..], 4);
            if (pending.Encrypted && Security?.GetEncryptor(pending.SessionId) is { } encryptor)
            {
                var sealedFrame = new byte[DirectTcpFraming.PrefixLength + Smb2TransformHeader.Length + message.Length];
                var n = encryptor.Encrypt(message, sealedFrame.AsSpan(DirectTcpFraming.PrefixLength));
                DirectTcpFraming.WritePrefix(sealedFrame, n);
                frame = sealedFrame;
            }
            else
            {
                if (pending.SessionId != 0 && Security?.GetSigner(pending.SessionId) is { } signer) signer.Sign(message);
                DirectTcpFraming.WritePrefix(frame, message.Length);
            }
            await WriteFrameAsync(frame).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SmbConnectionException or ObjectDisposedException)
        {
            // The connection died or was disposed; the waiter already failed or was cancelled.
        }
    }
}
