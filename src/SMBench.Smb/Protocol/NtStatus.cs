using System.Globalization;

namespace SMBench.Smb.Protocol;

/// <summary>
/// An NTSTATUS code (MS-ERREF §2.3). Unknown codes are kept as-is and print as "0x…"; the common ones print as
/// "STATUS_…", the form the IR's <c>expected.status</c> uses.
/// </summary>
public readonly partial record struct NtStatus(uint Value)
{
    public static readonly NtStatus Success = new(0x0000_0000);
    public static readonly NtStatus Pending = new(0x0000_0103);
    public static readonly NtStatus NotifyCleanup = new(0x0000_010B);
    public static readonly NtStatus NotifyEnumDir = new(0x0000_010C);
    public static readonly NtStatus OplockBreakInProgress = new(0x0000_0108);
    public static readonly NtStatus BufferOverflow = new(0x8000_0005);
    public static readonly NtStatus NoMoreFiles = new(0x8000_0006);
    public static readonly NtStatus StoppedOnSymlink = new(0x8000_002D);
    public static readonly NtStatus NotImplemented = new(0xC000_0002);
    public static readonly NtStatus InvalidInfoClass = new(0xC000_0003);
    public static readonly NtStatus InfoLengthMismatch = new(0xC000_0004);
    public static readonly NtStatus InvalidHandle = new(0xC000_0008);
    public static readonly NtStatus InvalidParameter = new(0xC000_000D);
    public static readonly NtStatus NoSuchDevice = new(0xC000_000E);
    public static readonly NtStatus NoSuchFile = new(0xC000_000F);
    public static readonly NtStatus InvalidDeviceRequest = new(0xC000_0010);
    public static readonly NtStatus EndOfFile = new(0xC000_0011);
    public static readonly NtStatus MoreProcessingRequired = new(0xC000_0016);
    public static readonly NtStatus AccessDenied = new(0xC000_0022);
    public static readonly NtStatus BufferTooSmall = new(0xC000_0023);
    public static readonly NtStatus ObjectNameInvalid = new(0xC000_0033);
    public static readonly NtStatus ObjectNameNotFound = new(0xC000_0034);
    public static readonly NtStatus ObjectNameCollision = new(0xC000_0035);
    public static readonly NtStatus ObjectPathInvalid = new(0xC000_0039);
    public static readonly NtStatus ObjectPathNotFound = new(0xC000_003A);
    public static readonly NtStatus ObjectPathSyntaxBad = new(0xC000_003B);
    public static readonly NtStatus SharingViolation = new(0xC000_0043);
    public static readonly NtStatus FileLockConflict = new(0xC000_0054);
    public static readonly NtStatus LockNotGranted = new(0xC000_0055);
    public static readonly NtStatus DeletePending = new(0xC000_0056);
    public static readonly NtStatus PrivilegeNotHeld = new(0xC000_0061);
    public static readonly NtStatus NoSuchUser = new(0xC000_0064);
    public static readonly NtStatus WrongPassword = new(0xC000_006A);
    public static readonly NtStatus LogonFailure = new(0xC000_006D);
    public static readonly NtStatus AccountRestriction = new(0xC000_006E);
    public static readonly NtStatus InvalidLogonHours = new(0xC000_006F);
    public static readonly NtStatus InvalidWorkstation = new(0xC000_0070);
    public static readonly NtStatus PasswordExpired = new(0xC000_0071);
    public static readonly NtStatus AccountDisabled = new(0xC000_0072);
    public static readonly NtStatus RangeNotLocked = new(0xC000_007E);
    public static readonly NtStatus DiskFull = new(0xC000_007F);
    public static readonly NtStatus InsufficientResources = new(0xC000_009A);
    public static readonly NtStatus MediaWriteProtected = new(0xC000_00A2);
    public static readonly NtStatus BadImpersonationLevel = new(0xC000_00A5);
    public static readonly NtStatus IoTimeout = new(0xC000_00B5);
    public static readonly NtStatus FileIsADirectory = new(0xC000_00BA);
    public static readonly NtStatus NotSupported = new(0xC000_00BB);
    public static readonly NtStatus InvalidNetworkResponse = new(0xC000_00C3);
    public static readonly NtStatus UnexpectedNetworkError = new(0xC000_00C4);
    public static readonly NtStatus NetworkNameDeleted = new(0xC000_00C9);
    public static readonly NtStatus NetworkAccessDenied = new(0xC000_00CA);
    public static readonly NtStatus BadNetworkName = new(0xC000_00CC);
    public static readonly NtStatus RequestNotAccepted = new(0xC000_00D0);
    public static readonly NtStatus DirectoryNotEmpty = new(0xC000_0101);
    public static readonly NtStatus NotADirectory = new(0xC000_0103);
    public static readonly NtStatus TooManyOpenedFiles = new(0xC000_011F);
    public static readonly NtStatus Cancelled = new(0xC000_0120);
    public static readonly NtStatus CannotDelete = new(0xC000_0121);
    public static readonly NtStatus FileDeleted = new(0xC000_0123);
    public static readonly NtStatus FileClosed = new(0xC000_0128);
    public static readonly NtStatus InvalidDeviceState = new(0xC000_0184);
    public static readonly NtStatus AccountExpired = new(0xC000_0193);
    public static readonly NtStatus UserSessionDeleted = new(0xC000_0203);
    public static readonly NtStatus PasswordMustChange = new(0xC000_0224);
    public static readonly NtStatus NotFound = new(0xC000_0225);
    public static readonly NtStatus AccountLockedOut = new(0xC000_0234);
    public static readonly NtStatus RequestAborted = new(0xC000_0240);
    public static readonly NtStatus PathNotCovered = new(0xC000_0257);
    public static readonly NtStatus NotAReparsePoint = new(0xC000_0275);
    public static readonly NtStatus NetworkSessionExpired = new(0xC000_035C);
    public static readonly NtStatus FileNotAvailable = new(0xC000_0467);
    public static readonly NtStatus Timeout = new(0x0000_0102);
    public static readonly NtStatus Reparse = new(0x0000_0104);
    public static readonly NtStatus ObjectNameExists = new(0x4000_0000);
    public static readonly NtStatus AccessViolation = new(0xC000_0005);
    public static readonly NtStatus InvalidLockSequence = new(0xC000_001E);
    public static readonly NtStatus QuotaExceeded = new(0xC000_0044);
    public static readonly NtStatus InvalidPipeState = new(0xC000_00AD);
    public static readonly NtStatus PipeBusy = new(0xC000_00AE);
    public static readonly NtStatus PipeDisconnected = new(0xC000_00B0);
    public static readonly NtStatus DuplicateName = new(0xC000_00BD);
    public static readonly NtStatus BadNetworkPath = new(0xC000_00BE);
    public static readonly NtStatus NotSameDevice = new(0xC000_00D4);
    public static readonly NtStatus FileRenamed = new(0xC000_00D5);
    public static readonly NtStatus PipeEmpty = new(0xC000_00D9);
    public static readonly NtStatus InvalidOplockProtocol = new(0xC000_00E3);
    public static readonly NtStatus PipeBroken = new(0xC000_014B);
    public static readonly NtStatus LogonTypeNotGranted = new(0xC000_015B);
    public static readonly NtStatus ConnectionDisconnected = new(0xC000_020C);
    public static readonly NtStatus ConnectionReset = new(0xC000_020D);
    public static readonly NtStatus IoReparseTagNotHandled = new(0xC000_0279);
    public static readonly NtStatus FileSystemLimitation = new(0xC000_0427);
    public static readonly NtStatus ServerUnavailable = new(0xC000_0466);
    public static readonly NtStatus InvalidSignature = new(0xC000_A000);
    public static readonly NtStatus SmbNoPreauthIntegrityHashOverlap = new(0xC05D_0000);

    /// <summary>Severity bits 11: an error (0xC…).</summary>
    public bool IsError => (Value >> 30) == 3;

    /// <summary>Severity bits 10: a warning (0x8…), e.g. BUFFER_OVERFLOW, NO_MORE_FILES; the response still has data.</summary>
    public bool IsWarning => (Value >> 30) == 2;

    public bool IsSuccess => Value == 0;

    /// <summary>The "STATUS_…" name when known, otherwise null.</summary>
    public string? Name => NtStatusNames.TryGetName(Value, out var name) ? name : null;

    public override string ToString() => Name ?? "0x" + Value.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>Parses "STATUS_XXX" (case-insensitive), "0x…" hex, or plain decimal.</summary>
    public static NtStatus Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var status)
            ? status
            : throw new FormatException($"'{text}' is not an NTSTATUS: use STATUS_NAME (e.g. STATUS_ACCESS_DENIED) or 0xC0000022");
    }

    public static bool TryParse(string? text, out NtStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (!uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)) return false;
            status = new NtStatus(hex);
            return true;
        }
        if (uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var dec))
        {
            status = new NtStatus(dec);
            return true;
        }
        if (NtStatusNames.TryGetValue(s, out var value))
        {
            status = new NtStatus(value);
            return true;
        }
        return false;
    }

    public static implicit operator uint(NtStatus status) => status.Value;
}
