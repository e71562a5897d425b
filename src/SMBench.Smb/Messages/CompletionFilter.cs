namespace SMBench.Smb.Messages;

/// <summary>CHANGE_NOTIFY CompletionFilter (§2.2.35).</summary>
[Flags]
public enum CompletionFilter : uint
{
    None = 0,
    FileName = 0x0001,
    DirName = 0x0002,
    Attributes = 0x0004,
    Size = 0x0008,
    LastWrite = 0x0010,
    LastAccess = 0x0020,
    Creation = 0x0040,
    Ea = 0x0080,
    Security = 0x0100,
    StreamName = 0x0200,
    StreamSize = 0x0400,
    StreamWrite = 0x0800,
}
