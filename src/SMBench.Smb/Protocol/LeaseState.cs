namespace SMBench.Smb.Protocol;

/// <summary>SMB2 lease state bits (MS-SMB2 §2.2.13.2.8): read, handle and write caching.</summary>
[Flags]
public enum LeaseState : uint
{
    None = 0x00,
    ReadCaching = 0x01,
    HandleCaching = 0x02,
    WriteCaching = 0x04,
}
