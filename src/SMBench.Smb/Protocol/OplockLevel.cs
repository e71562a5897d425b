namespace SMBench.Smb.Protocol;

/// <summary>RequestedOplockLevel / OplockLevel in CREATE and OPLOCK_BREAK (MS-SMB2 §2.2.13).</summary>
public enum OplockLevel : byte
{
    None = 0x00,
    LevelII = 0x01,
    Exclusive = 0x08,
    Batch = 0x09,
    Lease = 0xFF,
}
