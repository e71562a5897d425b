using SMBench.Core.Ir;

namespace SMBench.Bench.Replay;

/// <summary>
/// The replay-smb mix: every client opens its own file (RWH lease in full mode), writes and reads 4 KiB blocks and
/// closes; every <c>neighbourEvery</c>-th client also holds the file of its neighbour open for writing meanwhile, so one
/// of the two leases (or oplocks) breaks. Every second client (the default) gives a few hundred breaks per 1,000 clients: enough that a
/// break-to-ack p99 is not simply the slowest single ack.
/// </summary>
internal static class ReplaySmbWorkload
{
    public static string Create(string dir, int clients, int blocks, int neighbourEvery = 2)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        using var writer = new WorkloadWriter(dir);
        for (var c = 0; c < clients; c++)
        {
            var client = $"c{c:D5}";
            var n = 0;
            long t = 0;
            string Id() => $"{client}-{n++:D3}";
            writer.Write(Open(Id(), client, t++, $"files/{client}.bin", "h", $"{c:x32}", OpenMode.ReadWrite, 5));
            var opener = c % neighbourEvery == neighbourEvery - 1;
            // The neighbour's file, open-if (at time scale 0 clients are not ordered), for writing with an RWH lease,
            // held across this client's own I/O: whichever of the two opens second breaks the other's lease.
            if (opener) writer.Write(Open(Id(), client, t++, $"files/c{c - 1:D5}.bin", "n", $"{c + 1_000_000:x32}", OpenMode.ReadWrite, 3));
            for (var i = 0; i < blocks; i++)
                writer.Write(new WriteOp { OpId = Id(), ClientId = client, TimestampUs = t++, Handle = "h", Offset = i * 4096L, Length = 4096 });
            for (var i = 0; i < blocks; i++)
                writer.Write(new ReadOp { OpId = Id(), ClientId = client, TimestampUs = t++, Handle = "h", Offset = i * 4096L, Length = 4096 });
            if (opener)
            {
                writer.Write(new ReadOp { OpId = Id(), ClientId = client, TimestampUs = t++, Handle = "n", Offset = 0, Length = 4096 });
                writer.Write(new CloseOp { OpId = Id(), ClientId = client, TimestampUs = t++, Handle = "n" });
            }
            writer.Write(new CloseOp { OpId = Id(), ClientId = client, TimestampUs = t, Handle = "h" });
        }
        writer.Complete();
        return dir;
    }

    private static OpenOp Open(string id, string client, long t, string path, string handle, string leaseKey, OpenMode mode,
        uint disposition) => new()
    {
        OpId = id, ClientId = client, TimestampUs = t, Path = path, Mode = mode, Handle = handle,
        Smb = new SmbOpExtensions
        {
            AccessMask = mode == OpenMode.Read ? 0x0012_0089u : 0x0012_019Fu, ShareAccess = 7, Disposition = disposition,
            CreateOptions = 0x40, RequestedOplock = 0xFF, Lease = new LeaseRequest(leaseKey, mode == OpenMode.Read ? "RH" : "RWH"),
        },
    };
}
