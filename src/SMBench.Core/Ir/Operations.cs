namespace SMBench.Core.Ir;

// The operation types. Mode 0 (the seed): open, read, write, close, rename, delete. The rest cover what real
// captures contain so every SMB2 command the compiler meets has a place.

public sealed record OpenOp : IrOperation
{
    public required string Path { get; init; }
    public required OpenMode Mode { get; init; }
    public required string Handle { get; init; }
    /// <summary>Open a directory rather than a file (CREATE with FILE_DIRECTORY_FILE).</summary>
    public bool Directory { get; init; }
    public override string Type => OpTypes.Open;
    public override string? HandleRef => Handle;
    public override IEnumerable<string> Paths => [Path];
    public override string? PrimaryPath => Path;
}

public sealed record ReadOp : IrOperation
{
    public required string Handle { get; init; }
    public required long Offset { get; init; }
    public required int Length { get; init; }
    public override string Type => OpTypes.Read;
    public override string? HandleRef => Handle;
}

public sealed record WriteOp : IrOperation
{
    public required string Handle { get; init; }
    public required long Offset { get; init; }
    public required int Length { get; init; }
    /// <summary>Blob reference relative to the workload dir (<c>blobs/…</c>); null means synthetic filler.</summary>
    public string? Blob { get; init; }
    public override string Type => OpTypes.Write;
    public override string? HandleRef => Handle;
}

public sealed record CloseOp : IrOperation
{
    public required string Handle { get; init; }
    public override string Type => OpTypes.Close;
    public override string? HandleRef => Handle;
}

public sealed record RenameOp : IrOperation
{
    public required string SourcePath { get; init; }
    public required string DestPath { get; init; }
    public bool ReplaceIfExists { get; init; }
    public override string Type => OpTypes.Rename;
    public override IEnumerable<string> Paths => [SourcePath, DestPath];
    public override string? PrimaryPath => SourcePath;
}

public sealed record DeleteOp : IrOperation
{
    public required string Path { get; init; }
    public override string Type => OpTypes.Delete;
    public override IEnumerable<string> Paths => [Path];
    public override string? PrimaryPath => Path;
}

public sealed record MkdirOp : IrOperation
{
    public required string Path { get; init; }
    public override string Type => OpTypes.Mkdir;
    public override IEnumerable<string> Paths => [Path];
    public override string? PrimaryPath => Path;
}

public sealed record RmdirOp : IrOperation
{
    public required string Path { get; init; }
    public override string Type => OpTypes.Rmdir;
    public override IEnumerable<string> Paths => [Path];
    public override string? PrimaryPath => Path;
}

/// <summary>Directory listing (QUERY_DIRECTORY until NO_MORE_FILES).</summary>
public sealed record ListOp : IrOperation
{
    public required string Path { get; init; }
    public string Pattern { get; init; } = "*";
    public override string Type => OpTypes.List;
    public override IEnumerable<string> Paths => [Path];
    public override string? PrimaryPath => Path;
}

/// <summary>Attributes of a path (open-query-close) or of an open handle (QUERY_INFO).</summary>
public sealed record StatOp : IrOperation
{
    public string? Path { get; init; }
    public string? Handle { get; init; }
    public override string Type => OpTypes.Stat;
    public override string? HandleRef => Handle;
    public override IEnumerable<string> Paths => Path == null ? [] : [Path];
    public override string? PrimaryPath => Path;
}

/// <summary>Sets the end of file of an open handle (SET_INFO FileEndOfFileInformation).</summary>
public sealed record TruncateOp : IrOperation
{
    public required string Handle { get; init; }
    public required long Length { get; init; }
    public override string Type => OpTypes.Truncate;
    public override string? HandleRef => Handle;
}

public sealed record FlushOp : IrOperation
{
    public required string Handle { get; init; }
    public override string Type => OpTypes.Flush;
    public override string? HandleRef => Handle;
}

public sealed record LockOp : IrOperation
{
    public required string Handle { get; init; }
    public required long Offset { get; init; }
    public required long Length { get; init; }
    public bool Exclusive { get; init; } = true;
    public bool FailImmediately { get; init; } = true;
    public override string Type => OpTypes.Lock;
    public override string? HandleRef => Handle;
}

public sealed record UnlockOp : IrOperation
{
    public required string Handle { get; init; }
    public required long Offset { get; init; }
    public required long Length { get; init; }
    public override string Type => OpTypes.Unlock;
    public override string? HandleRef => Handle;
}

/// <summary>An FSCTL/IOCTL on an open handle; the input is synthetic bytes of the captured length.</summary>
public sealed record IoctlOp : IrOperation
{
    public required string Handle { get; init; }
    public required uint CtlCode { get; init; }
    public int InputLength { get; init; }
    public int MaxOutputLength { get; init; }
    public override string Type => OpTypes.Ioctl;
    public override string? HandleRef => Handle;
}

public static class OpTypes
{
    public const string Open = "open", Read = "read", Write = "write", Close = "close", Rename = "rename",
        Delete = "delete", Mkdir = "mkdir", Rmdir = "rmdir", List = "list", Stat = "stat", Truncate = "truncate",
        Flush = "flush", Lock = "lock", Unlock = "unlock", Ioctl = "ioctl";

    public static readonly IReadOnlyList<string> All =
        [Open, Read, Write, Close, Rename, Delete, Mkdir, Rmdir, List, Stat, Truncate, Flush, Lock, Unlock, Ioctl];

    /// <summary>The seed's core set (Mode 0 backends must support these).</summary>
    public static readonly IReadOnlySet<string> Core = new HashSet<string> { Open, Read, Write, Close, Rename, Delete };
}
