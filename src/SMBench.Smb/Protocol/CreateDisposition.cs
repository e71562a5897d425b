namespace SMBench.Smb.Protocol;

/// <summary>CREATE CreateDisposition (MS-SMB2 §2.2.13).</summary>
public enum CreateDisposition : uint
{
    Supersede = 0,
    Open = 1,
    Create = 2,
    OpenIf = 3,
    Overwrite = 4,
    OverwriteIf = 5,
}
