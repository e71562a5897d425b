using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

// What the compiler reads from responses: the status is in the header; these carry what the IR's `expected`
// and the per-connection state need.

public abstract record CapturedResponse;

public sealed record CreateResponseInfo(byte OplockLevel, uint CreateAction, long EndOfFile, uint FileAttributes, FileId FileId, uint? LeaseState)
    : CapturedResponse
{
    public const uint DirectoryAttribute = 0x10;

    public bool IsDirectory => (FileAttributes & DirectoryAttribute) != 0;
}

public sealed record ReadResponseInfo(int DataLength) : CapturedResponse;

public sealed record WriteResponseInfo(int Count) : CapturedResponse;

public sealed record TreeConnectResponseInfo(byte ShareType) : CapturedResponse
{
    public const byte Disk = 1, Pipe = 2, Print = 3;
}

public sealed record OtherResponseInfo : CapturedResponse
{
    public static OtherResponseInfo Instance { get; } = new();
}
