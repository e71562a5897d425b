namespace SMBench.Smb.Messages;

/// <summary>READ request Flags (§2.2.19).</summary>
[Flags]
public enum ReadFlags : byte
{
    None = 0,
    Unbuffered = 0x01,
    RequestCompressed = 0x02,
}
