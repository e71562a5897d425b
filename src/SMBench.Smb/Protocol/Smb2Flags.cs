namespace SMBench.Smb.Protocol;

/// <summary>SMB2 header Flags (MS-SMB2 §2.2.1.1).</summary>
[Flags]
public enum Smb2Flags : uint
{
    None = 0,
    ServerToRedir = 0x0000_0001,
    AsyncCommand = 0x0000_0002,
    RelatedOperations = 0x0000_0004,
    Signed = 0x0000_0008,
    PriorityMask = 0x0000_0070,
    DfsOperations = 0x1000_0000,
    ReplayOperation = 0x2000_0000,
}
