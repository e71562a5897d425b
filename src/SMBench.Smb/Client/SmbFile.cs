using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

/// <summary>
/// An open file or directory (one SMB2 FileId). I/O larger than the negotiated maximum is split into several
/// requests. Failures throw <see cref="SmbStatusException"/> with the server's NTSTATUS.
/// </summary>
public sealed partial class SmbFile : IAsyncDisposable
{
    private int _closed;

    internal SmbFile(SmbTree tree, CreateRequest request, CreateResponse response)
    {
        Tree = tree;
        Request = request;
        Response = response;
        FileId = response.FileId;
    }

    public SmbTree Tree { get; }
    public SmbConnection Connection => Tree.Connection;
    public string Name => Request.Name;
    public FileId FileId { get; }
    public CreateRequest Request { get; }
    public CreateResponse Response { get; }
    public OplockLevel OplockLevel => Response.OplockLevel;
    public CreateAction CreateAction => Response.CreateAction;
    public ulong EndOfFile => Response.EndOfFile;

    /// <summary>The lease the server granted (RqLs in the response), if any.</summary>
    public LeaseContext? Lease => Response.Find<LeaseContext>();

    /// <summary>The server granted a durable handle (v1 DHnQ or v2 DH2Q answer).</summary>
    public bool IsDurable => Response.Find<DurableHandleResponse>() != null || Response.Find<DurableHandleResponseV2>() != null;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes at <paramref name="offset"/>; 0 at end of file.</summary>
    public async Task<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var total = 0;
        var max = (int)Math.Min(Connection.MaxReadSize, int.MaxValue);
        while (total < buffer.Length)
        {
            var chunk = Math.Min(max, buffer.Length - total);
            var request = new ReadRequest
            {
                Length = (uint)chunk,
                Offset = (ulong)(offset + total),
                FileId = FileId,
                Padding = ReadResponse.DefaultDataOffset,
            };
            using var response = await Tree.SendAsync(Tree.For(request) with { ExpectedResponseLength = chunk + 16 }, cancellationToken)
                .ConfigureAwait(false);
            if (response.Status == NtStatus.EndOfFile) break;
            if (response.Status != NtStatus.Success) throw new SmbStatusException(response.Status, Smb2Command.Read, $"of '{Name}'");
            var n = CopyReadData(response.Message, buffer.Span[total..]);
            total += n;
            if (n < chunk) break;
        }
        return total;
    }

    private static int CopyReadData(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        var data = ReadResponse.Parse(message).Data;
        if (data.Length > destination.Length) throw new SmbProtocolException($"READ returned {data.Length} bytes, more than the {destination.Length} asked");
        data.CopyTo(destination);
        return data.Length;
    }

    /// <summary>Writes all of <paramref name="data"/> at <paramref name="offset"/>; returns the bytes the server took.</summary>
    public async Task<long> WriteAsync(long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        long total = 0;
        var max = (int)Math.Min(Connection.MaxWriteSize, int.MaxValue);
        do
        {
            var chunk = data.Slice((int)total, Math.Min(max, data.Length - (int)total));
            var at = (ulong)(offset + total);
            var length = chunk.Length;
            var fileId = FileId;
            var request = new Smb2Request(Smb2Command.Write, 48, m => WriteRequest.WriteWithoutData(m, fileId, at, length))
            {
                SessionId = Tree.Session.SessionId,
                TreeId = Tree.TreeId,
                Encrypt = Tree.EncryptData,
                Sign = Tree.Session.SignRequests,
                Payload = chunk,
            };
            using var response = await Tree.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Status != NtStatus.Success) throw new SmbStatusException(response.Status, Smb2Command.Write, $"of '{Name}'");
            var written = WriteResponse.Parse(response.Message).Count;
            total += written;
            if (written < length) break;
        }
        while (total < data.Length);
        return total;
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Tree.SendAsync(Tree.For(new FlushRequest(FileId)), cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success) throw new SmbStatusException(response.Status, Smb2Command.Flush, $"of '{Name}'");
    }

    /// <summary>Closes the handle; with <paramref name="postQueryAttributes"/> the answer carries sizes and times.</summary>
    public async Task<CloseResponse> CloseAsync(bool postQueryAttributes = false, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return default;
        var request = new CloseRequest(FileId, postQueryAttributes ? CloseFlags.PostQueryAttrib : CloseFlags.None);
        using var response = await Tree.SendAsync(Tree.For(request), cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success) throw new SmbStatusException(response.Status, Smb2Command.Close, $"of '{Name}'");
        return CloseResponse.Parse(response.Message);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsClosed || !Connection.IsConnected) return;
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SmbConnectionException or SmbStatusException or OperationCanceledException)
        {
        }
    }
}
