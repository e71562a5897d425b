using SMBench.Core.Ir;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

// What the compiler keeps of each request until its response arrives: the fields the IR needs, never the
// payload (a WRITE's data goes to the blob store as soon as it is seen, so pending requests stay small).

public abstract record CapturedRequest;

public sealed record SessionSetupRequestInfo(NtlmIdentity? Identity) : CapturedRequest;

public sealed record TreeConnectRequestInfo(string Path) : CapturedRequest;

public sealed record CreateRequestInfo(
    string Name,
    uint DesiredAccess,
    uint FileAttributes,
    uint ShareAccess,
    uint CreateDisposition,
    uint CreateOptions,
    byte RequestedOplockLevel,
    LeaseRequest? Lease,
    DurableRequest? Durable,
    bool Reconnect) : CapturedRequest;

public sealed record FileRequestInfo(FileId FileId) : CapturedRequest;

public sealed record ReadRequestInfo(FileId FileId, long Offset, int Length) : CapturedRequest;

/// <param name="Blob">Blob reference when payloads are kept; null for synthetic filler.</param>
/// <param name="CapturedBytes">How much of the payload the capture held (less than Length when cut).</param>
public sealed record WriteRequestInfo(FileId FileId, long Offset, int Length, string? Blob, int CapturedBytes) : CapturedRequest;

public sealed record LockElementInfo(long Offset, long Length, uint Flags)
{
    public const uint Shared = 0x1, Exclusive = 0x2, Unlock = 0x4, FailImmediately = 0x10;
}

public sealed record LockRequestInfo(FileId FileId, IReadOnlyList<LockElementInfo> Locks) : CapturedRequest;

public sealed record IoctlRequestInfo(FileId FileId, uint CtlCode, int InputCount, int MaxOutputResponse, bool IsFsctl) : CapturedRequest;

public sealed record QueryDirectoryRequestInfo(FileId FileId, byte InformationClass, byte Flags, string Pattern) : CapturedRequest
{
    public const byte RestartScans = 0x01, Reopen = 0x10;
}

public sealed record QueryInfoRequestInfo(FileId FileId, byte InfoType, byte InfoClass) : CapturedRequest;

public sealed record SetInfoRequestInfo(FileId FileId, byte InfoType, byte InfoClass, SetInfoDetail Detail) : CapturedRequest;

/// <summary>The SET_INFO classes the IR can express, decoded; anything else is <see cref="OtherSetInfo"/>.</summary>
public abstract record SetInfoDetail;

public sealed record RenameSetInfo(string Target, bool ReplaceIfExists) : SetInfoDetail;

public sealed record DispositionSetInfo(bool DeletePending) : SetInfoDetail;

public sealed record EndOfFileSetInfo(long EndOfFile) : SetInfoDetail;

public sealed record OtherSetInfo : SetInfoDetail;

public sealed record OplockBreakAckInfo(FileId FileId, byte OplockLevel) : CapturedRequest;

public sealed record LeaseBreakAckInfo(Guid LeaseKey, uint LeaseState) : CapturedRequest;

/// <summary>A command with nothing the IR needs from its request (NEGOTIATE, ECHO, LOGOFF…).</summary>
public sealed record OtherRequestInfo : CapturedRequest;
