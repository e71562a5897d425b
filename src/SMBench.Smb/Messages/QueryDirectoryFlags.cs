namespace SMBench.Smb.Messages;

/// <summary>QUERY_DIRECTORY Flags (§2.2.33).</summary>
[Flags]
public enum QueryDirectoryFlags : byte
{
    None = 0,
    RestartScans = 0x01,
    ReturnSingleEntry = 0x02,
    IndexSpecified = 0x04,
    Reopen = 0x10,
}
