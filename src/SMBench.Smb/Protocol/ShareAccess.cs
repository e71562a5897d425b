namespace SMBench.Smb.Protocol;

/// <summary>CREATE ShareAccess (MS-SMB2 §2.2.13).</summary>
[Flags]
public enum ShareAccess : uint
{
    None = 0,
    Read = 0x1,
    Write = 0x2,
    Delete = 0x4,
    All = Read | Write | Delete,
}
