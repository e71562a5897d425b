namespace SMBench.Smb.Messages.Fscc;

/// <summary>FILE_NOTIFY_INFORMATION Action (MS-FSCC §2.7.1).</summary>
public enum FileAction : uint
{
    Added = 1,
    Removed = 2,
    Modified = 3,
    RenamedOldName = 4,
    RenamedNewName = 5,
    AddedStream = 6,
    RemovedStream = 7,
    ModifiedStream = 8,
    RemovedByDelete = 9,
    IdNotTunnelled = 10,
    TunnelledIdCollision = 11,
}
