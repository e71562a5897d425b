namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>SMB2_CREATE_REQUEST_LEASE(_V2) Flags (MS-SMB2 §2.2.13.2.8, §2.2.13.2.10).</summary>
[Flags]
public enum LeaseFlags : uint
{
    None = 0,
    BreakInProgress = 0x2,
    ParentLeaseKeySet = 0x4,
}
