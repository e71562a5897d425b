using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Signing;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Tests.Transport;

/// <summary>
/// The server side of one loopback TCP connection, scripted by a test: reads the client's messages and answers
/// (or doesn't) with hand-built SMB2 responses. Enough to drive the transport's timeout and signing rules.
/// </summary>
internal sealed class FakeSmbPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Socket? _socket;

    public FakeSmbPeer() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connects a transport to this peer and accepts its connection.</summary>
    public async Task<SmbTransport> ConnectAsync(CancellationToken ct, bool epollReceive = true)
    {
        var accept = _listener.AcceptSocketAsync(ct).AsTask();
        var transport = await SmbTransport.ConnectAsync("127.0.0.1", Port, creditReserve: 0, TimeSpan.FromSeconds(30), ct, epollReceive);
        _socket = await accept;
        return transport;
    }

    /// <summary>The next message from the client (without the 4-byte prefix); null when the client closed.</summary>
    public async Task<byte[]?> ReceiveAsync(CancellationToken ct)
    {
        var prefix = new byte[4];
        if (!await ReadExactlyAsync(prefix, ct)) return null;
        var message = new byte[BinaryPrimitives.ReadInt32BigEndian(prefix) & 0x00FF_FFFF];
        return await ReadExactlyAsync(message, ct) ? message : null;
    }

    public async Task SendAsync(byte[] message, CancellationToken ct)
    {
        var frame = new byte[4 + message.Length];
        DirectTcpFraming.WritePrefix(frame, message.Length);
        message.CopyTo(frame, 4);
        await _socket!.SendAsync(frame, ct);
    }

    /// <summary>Frames of <paramref name="messages"/>, back to back: one TCP write that the client may read at once.</summary>
    public static byte[] Frames(params byte[][] messages)
    {
        var frames = new byte[messages.Sum(m => 4 + m.Length)];
        var at = 0;
        foreach (var m in messages)
        {
            DirectTcpFraming.WritePrefix(frames.AsSpan(at), m.Length);
            m.CopyTo(frames, at + 4);
            at += 4 + m.Length;
        }
        return frames;
    }

    /// <summary>Sends raw bytes in pieces of <paramref name="piece"/> bytes, pausing between them so each is its own read.</summary>
    public async Task SendRawAsync(byte[] bytes, int piece, CancellationToken ct)
    {
        for (var at = 0; at < bytes.Length; at += piece)
        {
            await _socket!.SendAsync(bytes.AsMemory(at, Math.Min(piece, bytes.Length - at)), ct);
            if (piece < bytes.Length) await Task.Delay(2, ct);
        }
    }

    /// <summary>A response to <paramref name="request"/>: ECHO's 4-byte body on success, else an ERROR body.</summary>
    public static byte[] Response(byte[] request, NtStatus status, ulong asyncId = 0, ushort credits = 1, ISmb2Signer? signer = null)
    {
        var header = Smb2Header.Parse(request);
        var bodyLength = status == NtStatus.Success ? 4 : 9;
        var message = new byte[Smb2Header.Size + bodyLength];
        new Smb2Header
        {
            Command = header.Command,
            Status = status,
            Credits = credits,
            Flags = Smb2Flags.ServerToRedir | (asyncId != 0 ? Smb2Flags.AsyncCommand : 0),
            MessageId = header.MessageId,
            AsyncId = asyncId,
            TreeId = header.TreeId,
            SessionId = header.SessionId,
        }.WriteTo(message);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(Smb2Header.Size), (ushort)(status == NtStatus.Success ? 4 : 9));
        signer?.Sign(message);
        return message;
    }

    /// <summary>An unsolicited, unsigned oplock break notification (MessageId all 0xFF, §2.2.23.1).</summary>
    public static byte[] OplockBreak(FileId fileId, OplockLevel level)
    {
        var notification = new OplockBreakNotification(fileId, level);
        var message = new byte[Smb2Header.Size + notification.BodyLength];
        new Smb2Header
        {
            Command = Smb2Command.OplockBreak,
            Flags = Smb2Flags.ServerToRedir,
            MessageId = Smb2Header.UnsolicitedMessageId,
        }.WriteTo(message);
        notification.WriteTo(message);
        return message;
    }

    private async Task<bool> ReadExactlyAsync(byte[] buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _socket!.ReceiveAsync(buffer.AsMemory(read), ct);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        _listener.Stop();
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
