using SMBench.Core.Ir;

namespace SMBench.Integration.Tests.Replay;

/// <summary>Short builders for hand-written IR scenarios (timestamps in ms, as a capture would space them).</summary>
internal static class Ir
{
    public const uint GenericAll = 0x0012_019F, GenericRead = 0x0012_0089, Delete = 0x0001_0000;
    public const uint ShareRead = 1, ShareWrite = 2, ShareDelete = 4, ShareAll = 7;
    public const uint Open = 1, Create = 2, OpenIf = 3, OverwriteIf = 5;
    public const uint NonDirectory = 0x40, DeleteOnClose = 0x1000;
    public const byte OplockBatch = 9, OplockLease = 0xFF;

    public static string Write(string dir, params IrOperation[] ops)
    {
        using var writer = new WorkloadWriter(dir);
        foreach (var op in ops.OrderBy(o => o.TimestampUs)) writer.Write(op);
        writer.Complete();
        return dir;
    }

    public static OpenOp OpenFile(string id, string client, int ms, string path, string handle, SmbOpExtensions? smb = null,
        OpenMode mode = OpenMode.ReadWrite, string? expected = null) => new()
    {
        OpId = id, ClientId = client, TimestampUs = ms * 1000L, Path = path, Handle = handle, Mode = mode, Smb = smb,
        Expected = expected == null ? null : new ExpectedResult { Status = expected },
    };

    public static SmbOpExtensions Ext(uint access = GenericAll, uint share = ShareAll, uint disposition = OpenIf,
        uint options = NonDirectory, byte oplock = 0, LeaseRequest? lease = null, DurableRequest? durable = null,
        params BreakResponse[] onBreak) => new()
    {
        AccessMask = access, ShareAccess = share, Disposition = disposition, CreateOptions = options,
        RequestedOplock = lease != null ? OplockLease : oplock, Lease = lease, Durable = durable,
        OnBreak = onBreak.Length == 0 ? null : onBreak,
    };

    public static WriteOp WriteAt(string id, string client, int ms, string handle, long offset, int length) => new()
    {
        OpId = id, ClientId = client, TimestampUs = ms * 1000L, Handle = handle, Offset = offset, Length = length,
    };

    public static ReadOp ReadAt(string id, string client, int ms, string handle, long offset, int length) => new()
    {
        OpId = id, ClientId = client, TimestampUs = ms * 1000L, Handle = handle, Offset = offset, Length = length,
    };

    public static CloseOp Close(string id, string client, int ms, string handle) => new()
    {
        OpId = id, ClientId = client, TimestampUs = ms * 1000L, Handle = handle,
    };

    public static RenameOp Rename(string id, string client, int ms, string from, string to, string? expected = null) => new()
    {
        OpId = id, ClientId = client, TimestampUs = ms * 1000L, SourcePath = from, DestPath = to, ReplaceIfExists = true,
        Expected = expected == null ? null : new ExpectedResult { Status = expected },
    };
}
