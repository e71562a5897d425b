namespace SMBench.Smb.Protocol;

/// <summary>CREATE CreateOptions (MS-SMB2 §2.2.13).</summary>
[Flags]
public enum CreateOptions : uint
{
    None = 0,
    DirectoryFile = 0x0000_0001,
    WriteThrough = 0x0000_0002,
    SequentialOnly = 0x0000_0004,
    NoIntermediateBuffering = 0x0000_0008,
    SynchronousIoAlert = 0x0000_0010,
    SynchronousIoNonAlert = 0x0000_0020,
    NonDirectoryFile = 0x0000_0040,
    CompleteIfOplocked = 0x0000_0100,
    NoEaKnowledge = 0x0000_0200,
    RandomAccess = 0x0000_0800,
    DeleteOnClose = 0x0000_1000,
    OpenByFileId = 0x0000_2000,
    OpenForBackupIntent = 0x0000_4000,
    NoCompression = 0x0000_8000,
    OpenRemoteInstance = 0x0000_0400,
    OpenRequiringOplock = 0x0001_0000,
    DisallowExclusive = 0x0002_0000,
    ReserveOpfilter = 0x0010_0000,
    OpenReparsePoint = 0x0020_0000,
    OpenNoRecall = 0x0040_0000,
    OpenForFreeSpaceQuery = 0x0080_0000,
}
