namespace SMBench.Smb.Messages;

/// <summary>SMB2_LOCK_ELEMENT Flags (§2.2.26.1).</summary>
[Flags]
public enum LockFlags : uint
{
    None = 0,
    SharedLock = 0x01,
    ExclusiveLock = 0x02,
    Unlock = 0x04,
    FailImmediately = 0x10,
}
