using System.Globalization;

namespace SMBench.Core.Results;

/// <summary>
/// NTSTATUS as text, the form results and expectations are compared in: "STATUS_NAME" for the codes replay meets,
/// "0xXXXXXXXX" otherwise. Both spellings of an expectation normalise to the same text.
/// </summary>
public static class StatusText
{
    public const string Success = "STATUS_SUCCESS";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<uint, string> Names = new(new Dictionary<uint, string>
    {
        [0x00000000] = "STATUS_SUCCESS", [0x00000103] = "STATUS_PENDING",
        [0x0000010C] = "STATUS_NOTIFY_ENUM_DIR", [0x80000005] = "STATUS_BUFFER_OVERFLOW",
        [0x80000006] = "STATUS_NO_MORE_FILES", [0xC0000016] = "STATUS_MORE_PROCESSING_REQUIRED",
        [0xC0000001] = "STATUS_UNSUCCESSFUL", [0xC0000002] = "STATUS_NOT_IMPLEMENTED",
        [0xC0000008] = "STATUS_INVALID_HANDLE", [0xC000000D] = "STATUS_INVALID_PARAMETER",
        [0xC000000F] = "STATUS_NO_SUCH_FILE", [0xC0000010] = "STATUS_INVALID_DEVICE_REQUEST",
        [0xC0000011] = "STATUS_END_OF_FILE", [0xC0000022] = "STATUS_ACCESS_DENIED",
        [0xC0000023] = "STATUS_BUFFER_TOO_SMALL", [0xC0000033] = "STATUS_OBJECT_NAME_INVALID",
        [0xC0000034] = "STATUS_OBJECT_NAME_NOT_FOUND", [0xC0000035] = "STATUS_OBJECT_NAME_COLLISION",
        [0xC000003A] = "STATUS_OBJECT_PATH_NOT_FOUND", [0xC0000043] = "STATUS_SHARING_VIOLATION",
        [0xC0000054] = "STATUS_FILE_LOCK_CONFLICT", [0xC0000055] = "STATUS_LOCK_NOT_GRANTED",
        [0xC0000056] = "STATUS_DELETE_PENDING", [0xC0000061] = "STATUS_PRIVILEGE_NOT_HELD",
        [0xC0000064] = "STATUS_NO_SUCH_USER", [0xC000006A] = "STATUS_WRONG_PASSWORD",
        [0xC000006D] = "STATUS_LOGON_FAILURE", [0xC000006E] = "STATUS_ACCOUNT_RESTRICTION",
        [0xC0000071] = "STATUS_PASSWORD_EXPIRED", [0xC0000072] = "STATUS_ACCOUNT_DISABLED",
        [0xC000007E] = "STATUS_RANGE_NOT_LOCKED", [0xC000007F] = "STATUS_DISK_FULL",
        [0xC000009A] = "STATUS_INSUFFICIENT_RESOURCES", [0xC00000B5] = "STATUS_IO_TIMEOUT",
        [0xC00000BA] = "STATUS_FILE_IS_A_DIRECTORY", [0xC00000BB] = "STATUS_NOT_SUPPORTED",
        [0xC00000C9] = "STATUS_NETWORK_NAME_DELETED", [0xC00000CC] = "STATUS_BAD_NETWORK_NAME",
        [0xC0000101] = "STATUS_DIRECTORY_NOT_EMPTY", [0xC0000103] = "STATUS_NOT_A_DIRECTORY",
        [0xC0000120] = "STATUS_CANCELLED", [0xC0000128] = "STATUS_FILE_CLOSED",
        [0xC000015B] = "STATUS_LOGON_TYPE_NOT_GRANTED", [0xC0000184] = "STATUS_INVALID_DEVICE_STATE",
        [0xC0000203] = "STATUS_USER_SESSION_DELETED", [0xC0000225] = "STATUS_NOT_FOUND",
        [0xC0000234] = "STATUS_ACCOUNT_LOCKED_OUT", [0xC000035C] = "STATUS_NETWORK_SESSION_EXPIRED",
        [0x00000108] = "STATUS_OPLOCK_BREAK_IN_PROGRESS",
        [0xC000020C] = "STATUS_CONNECTION_DISCONNECTED", [0xC000023C] = "STATUS_NETWORK_UNREACHABLE",
        [0xC0000236] = "STATUS_CONNECTION_REFUSED", [0xC000020D] = "STATUS_CONNECTION_RESET",
        [0xC00000B0] = "STATUS_PIPE_DISCONNECTED",
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, uint> Codes =
        new(Names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Adds names from a fuller table (the SMB library's), so every layer spells a status the same way and an
    /// expectation written as hex matches a result written as a name.
    /// </summary>
    public static void Register(IEnumerable<KeyValuePair<uint, string>> names)
    {
        foreach (var (code, name) in names)
        {
            Names.TryAdd(code, name);
            Codes.TryAdd(name, code);
        }
    }

    public static string FromCode(uint code) =>
        Names.TryGetValue(code, out var name) ? name : $"0x{code:X8}";

    /// <summary>"STATUS_X" (any case), "0x…" or decimal text (unsigned or signed 32-bit) to the canonical form; null when unparseable.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (Codes.TryGetValue(text, out var code)) return FromCode(code);
        if (text.StartsWith("STATUS_", StringComparison.OrdinalIgnoreCase)) return text.ToUpperInvariant();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            return FromCode(hex);
        if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dec)) return FromCode(dec);
        // NTSTATUS is a signed 32-bit value (MS-ERREF 2.3); tools that print it as a C int give -1073741790.
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed) && signed < 0
            ? FromCode(unchecked((uint)signed))
            : null;
    }

    public static bool IsSuccess(string status) => status == Success;
}
