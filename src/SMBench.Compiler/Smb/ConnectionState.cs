using SMBench.Compiler.Tcp;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>What one connection's SMB conversation has established: sessions, trees, open files, leases.</summary>
public sealed class ConnectionState
{
    private const int RememberedCreates = 256;
    private readonly Queue<ulong> _createOrder = new();

    private readonly SmbNamespaceState _shared;

    public ConnectionState(long id, SmbNamespaceState shared)
    {
        Id = id;
        _shared = shared;
    }

    public long Id { get; }

    /// <summary>The side that sends requests (known from the first request).</summary>
    public TcpEndpoint? Client { get; set; }

    public Dictionary<ulong, SessionInfo> Sessions => _shared.Sessions;

    public Dictionary<(ulong SessionId, uint TreeId), TreeInfo> Trees => _shared.Trees;

    public Dictionary<FileId, OpenHandle> Handles => _shared.Handles;

    public Dictionary<string, OpenHandle> Leases => _shared.Leases;

    /// <summary>FileIds opened (or used) by recent requests, for related compound parts that say "the previous file".</summary>
    public Dictionary<ulong, FileId> FileIdByMessageId { get; } = [];

    public void RememberFileId(ulong messageId, FileId fileId)
    {
        if (FileIdByMessageId.TryAdd(messageId, fileId)) _createOrder.Enqueue(messageId);
        else FileIdByMessageId[messageId] = fileId;
        while (_createOrder.Count > RememberedCreates) FileIdByMessageId.Remove(_createOrder.Dequeue());
    }

    /// <summary>The FileId a request means: its own, or for an all-0xFF one in a related compound, its predecessor's.</summary>
    public FileId? Resolve(PendingRequest request, FileId fileId)
    {
        if (!fileId.IsRelated) return fileId;
        if (request.RelatedTo is { } previous && FileIdByMessageId.TryGetValue(previous, out var resolved))
        {
            RememberFileId(request.MessageId, resolved);
            return resolved;
        }
        return null;
    }

    public string UserOf(ulong sessionId)
        => Sessions.TryGetValue(sessionId, out var s) && s.Identity != null ? s.Identity.ToString() : "unknown";
}
