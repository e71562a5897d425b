namespace SMBench.Smb.Protocol;

/// <summary>FSCC file attributes (MS-FSCC §2.6).</summary>
[Flags]
public enum SmbFileAttributes : uint
{
    None = 0,
    ReadOnly = 0x0000_0001,
    Hidden = 0x0000_0002,
    System = 0x0000_0004,
    Directory = 0x0000_0010,
    Archive = 0x0000_0020,
    Normal = 0x0000_0080,
    Temporary = 0x0000_0100,
    SparseFile = 0x0000_0200,
    ReparsePoint = 0x0000_0400,
    Compressed = 0x0000_0800,
    Offline = 0x0000_1000,
    NotContentIndexed = 0x0000_2000,
    Encrypted = 0x0000_4000,
    IntegrityStream = 0x0000_8000,
    NoScrubData = 0x0002_0000,
}
