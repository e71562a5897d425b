using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>
/// One entry of a directory listing (MS-FSCC §2.4: Directory, FullDirectory, IdFullDirectory, BothDirectory, IdBothDirectory, IdExtdDirectory, Names), the fields
/// common to the classes in one shape; fields a class does not carry are zero / null.
/// </summary>
public readonly record struct DirectoryEntry
{
    public uint FileIndex { get; init; }

    public long CreationTime { get; init; }

    public long LastAccessTime { get; init; }

    public long LastWriteTime { get; init; }

    public long ChangeTime { get; init; }

    public long EndOfFile { get; init; }

    public long AllocationSize { get; init; }

    public SmbFileAttributes FileAttributes { get; init; }

    public uint EaSize { get; init; }

    /// <summary>8.3 name (Both classes), else null.</summary>
    public string? ShortName { get; init; }

    /// <summary>The server's file id (Id* classes; for FileIdExtdDirectoryInformation the low 64 bits of the 128-bit id), else 0.</summary>
    public ulong FileId { get; init; }

    /// <summary>FileIdExtdDirectoryInformation only.</summary>
    public uint ReparsePointTag { get; init; }

    public string FileName { get; init; }

    public bool IsDirectory => (FileAttributes & SmbFileAttributes.Directory) != 0;
}
