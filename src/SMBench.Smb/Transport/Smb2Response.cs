using System.Buffers;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Transport;

/// <summary>
/// One response message (header and body, no transport prefix) in a pooled buffer. Dispose returns the buffer;
/// the client layer parses what it needs first.
/// </summary>
public sealed class Smb2Response : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    internal Smb2Response(Smb2Header header, ReadOnlySpan<byte> message)
    {
        Header = header;
        _length = message.Length;
        _buffer = ArrayPool<byte>.Shared.Rent(message.Length);
        message.CopyTo(_buffer);
    }

    public Smb2Header Header { get; }

    /// <summary>Stopwatch timestamp of the moment the request was handed to the socket (0 if unknown).</summary>
    public long RequestSentTimestamp { get; internal init; }

    public NtStatus Status => Header.Status;

    public ReadOnlySpan<byte> Message => _buffer is { } b ? b.AsSpan(0, _length) : throw new ObjectDisposedException(nameof(Smb2Response));

    internal Span<byte> MutableMessage => _buffer is { } b ? b.AsSpan(0, _length) : throw new ObjectDisposedException(nameof(Smb2Response));

    /// <summary>Throws <see cref="SmbStatusException"/> unless the status is one of <paramref name="accepted"/> or success.</summary>
    public Smb2Response EnsureStatus(params ReadOnlySpan<NtStatus> accepted)
    {
        if (Status == NtStatus.Success) return this;
        foreach (var s in accepted)
            if (s == Status) return this;
        var status = Status;
        var command = Header.Command;
        Dispose();
        throw new SmbStatusException(status, command);
    }

    public void Dispose()
    {
        var b = Interlocked.Exchange(ref _buffer, null);
        if (b != null) ArrayPool<byte>.Shared.Return(b);
    }
}
