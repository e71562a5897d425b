namespace SMBench.Smb.Protocol;

/// <summary>CREATE response CreateAction (MS-SMB2 §2.2.14).</summary>
public enum CreateAction : uint
{
    Superseded = 0,
    Opened = 1,
    Created = 2,
    Overwritten = 3,
}
