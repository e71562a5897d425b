namespace SMBench.Smb.Protocol;

/// <summary>Spec spelling of command names ("QUERY_INFO") for messages and reports.</summary>
public static class Smb2CommandNames
{
    private static readonly string[] Names =
    [
        "NEGOTIATE", "SESSION_SETUP", "LOGOFF", "TREE_CONNECT", "TREE_DISCONNECT", "CREATE", "CLOSE", "FLUSH", "READ",
        "WRITE", "LOCK", "IOCTL", "CANCEL", "ECHO", "QUERY_DIRECTORY", "CHANGE_NOTIFY", "QUERY_INFO", "SET_INFO",
        "OPLOCK_BREAK",
    ];

    public static string ToWireName(Smb2Command command) =>
        (ushort)command < Names.Length ? Names[(ushort)command] : $"0x{(ushort)command:X4}";
}
