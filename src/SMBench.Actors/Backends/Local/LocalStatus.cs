using SMBench.Core.Results;

namespace SMBench.Actors.Backends.Local;

/// <summary>Local file system exceptions as the NTSTATUS an SMB server would have answered.</summary>
internal static class LocalStatus
{
    // errno values seen in IOException.HResult on Linux (0x8007xxxx is not used there).
    private const int EEXIST = 17, ENOTEMPTY = 39, ENOTDIR = 20, EISDIR = 21, ENOSPC = 28;

    public static OpOutcome From(Exception e) => e switch
    {
        BackendRefusedException r => new OpOutcome(r.Status, Error: r.Message),
        FileNotFoundException => Fail("STATUS_OBJECT_NAME_NOT_FOUND", e),
        DirectoryNotFoundException => Fail("STATUS_OBJECT_PATH_NOT_FOUND", e),
        UnauthorizedAccessException => Fail("STATUS_ACCESS_DENIED", e),
        PathTooLongException => Fail("STATUS_OBJECT_NAME_INVALID", e),
        IOException io when (io.HResult & 0xFFFF) == EEXIST => Fail("STATUS_OBJECT_NAME_COLLISION", e),
        IOException io when (io.HResult & 0xFFFF) == ENOTEMPTY => Fail("STATUS_DIRECTORY_NOT_EMPTY", e),
        IOException io when (io.HResult & 0xFFFF) == ENOTDIR => Fail("STATUS_NOT_A_DIRECTORY", e),
        IOException io when (io.HResult & 0xFFFF) == EISDIR => Fail("STATUS_FILE_IS_A_DIRECTORY", e),
        IOException io when (io.HResult & 0xFFFF) == ENOSPC => Fail("STATUS_DISK_FULL", e),
        OperationCanceledException => new OpOutcome(ReplayStatus.Cancelled, Error: "the run was stopped"),
        _ => new OpOutcome(ReplayStatus.BackendError, Error: $"{e.GetType().Name}: {e.Message}"),
    };

    private static OpOutcome Fail(string status, Exception e) => new(StatusText.Normalize(status)!, Error: e.Message);
}
