namespace SMBench.Smb.Messages;

/// <summary>WRITE request Flags (§2.2.21).</summary>
[Flags]
public enum WriteFlags : uint
{
    None = 0,
    WriteThrough = 0x0000_0001,
    WriteUnbuffered = 0x0000_0002,
}
