using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Client;

public sealed partial class SmbTree
{
    /// <summary>
    /// Reclaims a durable open lost with its connection (MS-SMB2 §3.2.4.4): the original CREATE is re-sent with its
    /// DH2Q replaced by DH2C (same CreateGuid) or its DHnQ by DHnC, keeping the lease and oplock request. This tree
    /// must belong to a new connection with the same ClientGuid and a session of the same user.
    /// </summary>
    public Task<SmbFile> ReconnectDurableAsync(SmbFile lost, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lost);
        if (!lost.IsDurable) throw new InvalidOperationException($"'{lost.Name}' was not granted a durable handle");
        var contexts = new List<CreateContext>();
        foreach (var context in lost.Request.CreateContexts)
        {
            switch (context)
            {
                case DurableHandleRequestV2 v2:
                    contexts.Add(new DurableHandleReconnectV2(lost.FileId, v2.CreateGuid, v2.Flags));
                    break;
                case DurableHandleRequest:
                    contexts.Add(new DurableHandleReconnect(lost.FileId));
                    break;
                case LeaseContext lease:
                    contexts.Add(lease);
                    break;
                default:
                    break; // other contexts (MxAc, QFid, …) are not allowed on a reconnect
            }
        }
        return CreateAsync(lost.Request with { CreateContexts = contexts }, cancellationToken);
    }
}
