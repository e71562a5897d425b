namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>DH2Q / DH2C Flags (§2.2.13.2.11).</summary>
[Flags]
public enum DurableHandleFlags : uint
{
    None = 0,
    Persistent = 0x2,
}
