using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbFile
{
    /// <summary>
    /// Byte-range lock. Without <paramref name="failImmediately"/> a conflicting lock waits (the server answers
    /// STATUS_PENDING and completes later; cancel with the token). A conflict otherwise throws
    /// <see cref="SmbStatusException"/> with STATUS_LOCK_NOT_GRANTED or STATUS_FILE_LOCK_CONFLICT.
    /// </summary>
    public Task LockAsync(long offset, long length, bool exclusive = true, bool failImmediately = true, CancellationToken cancellationToken = default)
        => LockAsync([new LockElement((ulong)offset, (ulong)length,
            (exclusive ? LockFlags.ExclusiveLock : LockFlags.SharedLock) | (failImmediately ? LockFlags.FailImmediately : 0))], cancellationToken);

    public Task UnlockAsync(long offset, long length, CancellationToken cancellationToken = default)
        => LockAsync([new LockElement((ulong)offset, (ulong)length, LockFlags.Unlock)], cancellationToken);

    /// <summary>LOCK with the given elements as they are.</summary>
    public async Task LockAsync(IReadOnlyList<LockElement> locks, CancellationToken cancellationToken = default)
    {
        using var response = await Tree.SendAsync(Tree.For(new LockRequest { FileId = FileId, Locks = locks }), cancellationToken)
            .ConfigureAwait(false);
        if (response.Status != NtStatus.Success) throw new SmbStatusException(response.Status, Smb2Command.Lock, $"of '{Name}'");
    }

    /// <summary>Acknowledges an oplock break for this open at <paramref name="level"/> (≤ the level the server offered).</summary>
    public async Task AcknowledgeOplockBreakAsync(OplockLevel level, CancellationToken cancellationToken = default)
    {
        using var response = await Tree.SendAsync(Tree.For(new OplockBreakAcknowledgment(FileId, level)) with { UseCreditReserve = true },
            cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success) throw new SmbStatusException(response.Status, Smb2Command.OplockBreak, $"ack of '{Name}'");
    }
}
