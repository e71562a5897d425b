using SMBench.Core.Ir;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;

namespace SMBench.Actors.Backends.Smb;

/// <summary>
/// Turns an IR open into the CREATE to send. Mode 0 derives sensible defaults from the open mode; Mode 1 sends the
/// captured access mask, share access, disposition, options and attributes; Mode 2 adds the oplock level, the lease
/// (key mapped to one of this client's own, so leases never collide across simulated clients) and durable requests.
/// </summary>
internal sealed class SmbCreateBuilder(ReplayMode mode, SmbDialect dialect)
{
    private const uint FileGenericRead = 0x0012_0089, FileGenericWrite = 0x0012_0116, FileGenericAll = 0x0012_019F;
    private readonly Dictionary<string, Guid> _leaseKeys = new(StringComparer.OrdinalIgnoreCase);

    public (CreateRequest Request, Guid? LeaseKey) Build(OpenOp op, string smbPath)
    {
        var (access, disposition) = op.Mode switch
        {
            OpenMode.Read => (FileGenericRead, CreateDisposition.Open),
            OpenMode.Write => (FileGenericWrite, CreateDisposition.OpenIf),
            _ => (FileGenericAll, CreateDisposition.OpenIf),
        };
        var request = new CreateRequest
        {
            Name = smbPath,
            DesiredAccess = (FileAccessMask)access,
            ShareAccess = ShareAccess.Read | ShareAccess.Write | ShareAccess.Delete,
            CreateDisposition = disposition,
            CreateOptions = op.Directory ? CreateOptions.DirectoryFile : CreateOptions.NonDirectoryFile,
            FileAttributes = op.Directory ? SmbFileAttributes.Directory : SmbFileAttributes.Normal,
        };
        var smb = op.Smb;
        if (mode == ReplayMode.Mvp || smb == null) return (request, null);
        request = request with
        {
            DesiredAccess = smb.AccessMask is { } a ? (FileAccessMask)a : request.DesiredAccess,
            ShareAccess = smb.ShareAccess is { } s ? (ShareAccess)s : request.ShareAccess,
            CreateDisposition = smb.Disposition is { } d ? (CreateDisposition)d : request.CreateDisposition,
            CreateOptions = smb.CreateOptions is { } o ? (CreateOptions)o : request.CreateOptions,
            FileAttributes = smb.FileAttributes is { } f ? (SmbFileAttributes)f : request.FileAttributes,
        };
        if (mode != ReplayMode.Full) return (request, null);
        var contexts = new List<CreateContext>();
        Guid? leaseKey = null;
        var oplock = (OplockLevel)(smb.RequestedOplock ?? 0);
        if (smb.Lease is { } lease && dialect >= SmbDialect.Smb210)
        {
            leaseKey = Map(lease.Key);
            var v2 = lease.Version >= 2 && dialect >= SmbDialect.Smb300;
            contexts.Add(new LeaseContext
            {
                LeaseKey = leaseKey.Value,
                LeaseState = ParseLease(lease.State),
                Version = v2 ? 2 : 1,
                ParentLeaseKey = v2 && lease.ParentKey != null ? Map(lease.ParentKey) : Guid.Empty,
                Flags = v2 && lease.ParentKey != null ? LeaseFlags.ParentLeaseKeySet : 0,
                Epoch = (ushort)lease.Epoch,
            });
            oplock = OplockLevel.Lease;
        }
        else if (oplock == OplockLevel.Lease) oplock = OplockLevel.None; // a lease level without a lease context is invalid
        if (smb.Durable is { } durable)
        {
            if (durable.Version == 2 && dialect >= SmbDialect.Smb300)
                contexts.Add(new DurableHandleRequestV2(durable.TimeoutMs,
                    durable.Persistent ? DurableHandleFlags.Persistent : DurableHandleFlags.None, Guid.NewGuid()));
            else contexts.Add(new DurableHandleRequest());
        }
        return (request with { RequestedOplockLevel = oplock, CreateContexts = contexts }, leaseKey);
    }

    private Guid Map(string irKey)
    {
        if (!_leaseKeys.TryGetValue(irKey, out var key)) _leaseKeys[irKey] = key = Guid.NewGuid();
        return key;
    }

    public static LeaseState ParseLease(string letters)
    {
        LeaseState state = 0;
        foreach (var c in letters.ToUpperInvariant())
            state |= c switch { 'R' => LeaseState.ReadCaching, 'W' => LeaseState.WriteCaching, 'H' => LeaseState.HandleCaching, _ => 0 };
        return state;
    }

    public static string Letters(LeaseState state) =>
        (state.HasFlag(LeaseState.ReadCaching) ? "R" : "") + (state.HasFlag(LeaseState.WriteCaching) ? "W" : "") +
        (state.HasFlag(LeaseState.HandleCaching) ? "H" : "");
}
