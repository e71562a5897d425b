namespace SMBench.Smb.Messages;

/// <summary>CREATE ImpersonationLevel (MS-SMB2 §2.2.13).</summary>
public enum ImpersonationLevel : uint
{
    Anonymous = 0,
    Identification = 1,
    Impersonation = 2,
    Delegate = 3,
}
